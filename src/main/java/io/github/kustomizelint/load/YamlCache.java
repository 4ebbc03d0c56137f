package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads each file once, under limits that keep hostile input from exhausting the build. Every
 * way a file can fail to read ends in a {@link Problem} with the best line and column known,
 * never in an exception.
 */
public final class YamlCache {

  /**
   * SnakeYAML's tag resolver, built once: each instance compiles its table of implicit tags,
   * and resolving only reads it, from any thread.
   */
  static final Resolver RESOLVER = new Resolver();

  /** Larger than any manifest seen in real trees (the biggest CRD bundles are ~4 MiB). */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  /**
   * The deepest nesting of collections read; go-yaml, and so kustomize, refuses a document
   * nested deeper than 10000 ("exceeded max depth of 10000").
   */
  static final int MAX_DEPTH = 10_000;

  /**
   * The most nodes a document may stand for once its aliases are expanded. The nodes are
   * shared when read here, but kustomize expands every alias and never finishes on a
   * "billion laughs" document.
   */
  static final long MAX_EXPANDED_NODES = 10_000_000L;

  /** Stack for a second try at a document that nests too deeply for the caller's stack. */
  public static final long DEEP_STACK_BYTES = 64L * 1024 * 1024;

  /** Files ahead of a read-ahead window are not started, so unread results stay few. */
  private static final int WINDOW = 256;

  /** Smaller trees are read on the calling thread. */
  static final int MIN_PREFETCH = 16;

  // Read by the owner and by the renderers of a parallel check (see take).
  private final Map<Path, YamlFile> files = new java.util.concurrent.ConcurrentHashMap<>();
  // The read-ahead's bookkeeping, under its lock; workers only run the tasks.
  private final Object lock = new Object();
  private final Map<Path, Ahead> ahead = new HashMap<>();
  private final Deque<Ahead> pending = new ArrayDeque<>();
  private ThreadPoolExecutor pool;
  private int started;

  // Patch files a worker read whole after their kustomization, for the owner to take.
  private final Map<Path, YamlFile> patchesAhead = new java.util.concurrent.ConcurrentHashMap<>();
  private Set<Path> readable = Set.of();

  /** A file read ahead, skimmed or whole (a kustomization, then its patch files). */
  private final class Ahead {
    final FutureTask<YamlFile> task;
    final boolean skim;
    boolean submitted;
    boolean taken;

    Ahead(Path file, boolean skim) {
      this.skim = skim;
      Set<Path> inTree = readable;
      task = new FutureTask<>(() -> {
        YamlFile f = load(file, skim);
        if (!skim) {
          for (Path patch : patchFiles(f)) {
            if (inTree.contains(patch) && !patchesAhead.containsKey(patch)) {
              patchesAhead.put(patch, load(patch, false));
            }
          }
        }
        return f;
      });
    }
  }

  /** The files a kustomization's patch fields name by path. */
  private static List<Path> patchFiles(YamlFile k) {
    if (!k.readable() || k.documents().isEmpty()) {
      return List.of();
    }
    Path dir = k.path().getParent();
    List<Path> out = new ArrayList<>();
    Node root = k.documents().get(0);
    for (String field : List.of("patchesStrategicMerge", "patches", "patchesJson6902")) {
      if (Nodes.get(root, field) instanceof org.yaml.snakeyaml.nodes.SequenceNode entries) {
        for (Node e : entries.getValue()) {
          String path = e instanceof ScalarNode s ? s.getValue() : Nodes.text(e, "path");
          if (path != null && !path.isBlank() && path.indexOf('\n') < 0 && dir != null) {
            try {
              out.add(dir.resolve(path).normalize());
            } catch (java.nio.file.InvalidPathException ignored) {
              // not a path; the reader says so
            }
          }
        }
      }
    }
    return out;
  }

  public YamlFile read(Path file) {
    YamlFile f = files.get(file);
    if (f == null || f.stripped() || f.skimmed()) {
      f = take(file, false);
      files.put(file, f);
    }
    return f;
  }

  /**
   * Reads a file whole for a caller that keeps what it needs from the nodes (the renderer):
   * the nodes are not kept here, only what {@link #readManifest} keeps.
   */
  public YamlFile readWhole(Path file) {
    YamlFile f = files.get(file);
    if (f != null && !f.stripped() && !f.skimmed()) {
      return f;
    }
    f = take(file, false);
    files.putIfAbsent(file, f.strip());
    return f;
  }

  /**
   * Reads a manifest whose objects the caller extracts once: the cache keeps only what
   * outlives that (problem, suppressions), not the node tree, which for CRD bundles is large.
   * Unless the file was read whole before, its documents are skeletons ({@link SkimParser}):
   * apiVersion, kind, metadata and List items, with their positions, and no text.
   */
  public YamlFile readManifest(Path file) {
    YamlFile f = files.get(file);
    if (f != null && !f.stripped()) {
      return f;
    }
    f = take(file, true);
    // Skeletons are small and serve the check's renders (see skeletons); bodies are not kept.
    files.put(file, f.skimmed() ? f : f.strip());
    return f;
  }

  /**
   * The skeletons of a manifest {@link #readManifest} skimmed (one per non-empty document, as
   * whole reading would give them, less every subtree but apiVersion, kind, metadata,
   * RoleBinding subjects and List items), or null when it was not skimmed.
   */
  public List<Node> skeletons(Path file) {
    YamlFile f = files.get(file);
    return f != null && f.skimmed() ? f.documents() : null;
  }

  /**
   * Starts reading files on every core, in path order and a window ahead of what was taken:
   * {@code whole} composed whole (kustomizations), {@code manifests} skimmed. {@link #read}
   * and {@link #readManifest} then take a file's result, reading it on the calling thread
   * when no worker has started it. A result depends on the file alone and is taken in the
   * caller's order, so findings do not depend on the threads' timing.
   */
  public void prefetch(Collection<Path> whole, Collection<Path> manifests) {
    synchronized (lock) {
      prefetchLocked(whole, manifests);
    }
  }

  private void prefetchLocked(Collection<Path> whole, Collection<Path> manifests) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2 || whole.size() + manifests.size() < MIN_PREFETCH) {
      return; // starting threads would cost more than they save
    }
    readable = Set.copyOf(manifests);
    Map<Path, Boolean> all = new TreeMap<>();
    manifests.forEach(p -> all.put(p, true));
    whole.forEach(p -> all.put(p, false));
    all.forEach((p, skim) -> {
      if (!files.containsKey(p) && !ahead.containsKey(p)) {
        Ahead a = new Ahead(p, skim);
        ahead.put(p, a);
        pending.add(a);
      }
    });
    if (pool == null && !pending.isEmpty()) {
      pool = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "kustomize-lint-read");
            t.setDaemon(true);
            return t;
          });
      pool.allowCoreThreadTimeOut(true);
    }
    topUp();
  }

  /** Drops what was read ahead and not taken, and stops the workers. */
  public void stopPrefetch() {
    synchronized (lock) {
      stopLocked();
    }
  }

  private void stopLocked() {
    patchesAhead.clear();
    for (Ahead a : ahead.values()) {
      a.task.cancel(false);
    }
    ahead.clear();
    pending.clear();
    if (pool != null) {
      pool.shutdown();
      pool = null;
    }
  }

  private void topUp() {
    while (started < WINDOW && !pending.isEmpty()) {
      Ahead a = pending.poll();
      if (!a.taken) {
        a.submitted = true;
        started++;
        pool.execute(a.task);
      }
    }
    if (pending.isEmpty() && pool != null) {
      pool.shutdown(); // the queued tasks still run
      pool = null;
    }
  }

  /**
   * The file read ahead if that read serves (a skim serves only a skim), else read now. Safe
   * from any thread: the bookkeeping is under the lock, the reading outside it, and two
   * threads reading one file at once get equal results.
   */
  private YamlFile take(Path file, boolean skim) {
    Ahead a;
    synchronized (lock) {
      YamlFile early = skim ? null : patchesAhead.remove(file);
      if (early != null) {
        Ahead skimming = ahead.remove(file);
        if (skimming != null) {
          skimming.taken = true;
          if (skimming.submitted) {
            started--;
            skimming.task.cancel(false);
          }
        }
        return early;
      }
      a = ahead.remove(file);
      if (a != null) {
        a.taken = true;
        if (a.submitted) {
          started--;
        } else if (!skim && a.skim) {
          topUp();
          a = null; // a skim nobody started would only be read again whole
        }
      }
    }
    if (a == null) {
      return load(file, skim);
    }
    a.task.run(); // a no-op once a worker has started it
    YamlFile f = result(a.task);
    synchronized (lock) {
      topUp();
    }
    return skim || !f.skimmed() ? f : load(file, false);
  }

  /** A task's result, waited for; its failure thrown as if it ran on this thread. */
  public static <T> T result(FutureTask<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          // as if read on this thread
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public int size() {
    return files.size();
  }

  /** Every file read so far, in no particular order (callers sort or group by path). */
  public java.util.Collection<YamlFile> files() {
    return files.values();
  }

  static YamlFile load(Path file, boolean skim) {
    return load(file, skim, null);
  }

  /**
   * A manifest composed in some of its lines only ({@code keep}, by 0-based line), the
   * others blanked but for document markers, so each document kept stands at its own line
   * and column; or null where blanking could change how the rest reads (a "..." line).
   * Nothing is cached: the caller keeps what it needs.
   */
  public YamlFile readLines(Path file, java.util.function.IntPredicate keep) {
    return load(file, false, keep);
  }

  private static YamlFile load(Path file, boolean skim, java.util.function.IntPredicate keep) {
    byte[] bytes;
    try {
      if (!Files.exists(file)) {
        return failed(file, null, Location.of(file), "file does not exist");
      }
      if (!Files.isRegularFile(file)) {
        // A FIFO or device would block or never end.
        return failed(file, null, Location.of(file), "not a regular file; not read");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return tooBig(file, size);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return failed(file, null, Location.of(file), "file does not exist");
    } catch (IOException e) {
      return failed(file, null, Location.of(file), "cannot read file: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      return failed(file, null, Location.of(file), "file too large to read into memory");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return tooBig(file, bytes.length);
    }
    return decode(file, bytes, skim, keep);
  }

  private static YamlFile tooBig(Path file, long size) {
    return failed(file, null, Location.of(file),
        "file is " + size + " bytes, over the " + MAX_FILE_BYTES + "-byte limit; not read");
  }

  /** UTF-8, or UTF-16 with a byte-order mark: the encodings kustomize's YAML reader accepts. */
  private static YamlFile decode(Path file, byte[] bytes, boolean skim,
      java.util.function.IntPredicate keep) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      skip = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    }
    if (charset == StandardCharsets.UTF_8) {
      // The fast decoder replaces bad bytes with U+FFFD: without one the bytes were valid.
      String text = new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        return parse(file, text, skim, keep);
      }
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate(bytes.length - skip + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    out.flip();
    if (r.isError()) {
      // out holds the text before the bad bytes: count lines and columns in it.
      String before = out.toString();
      int nl = before.lastIndexOf('\n');
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = 1 + before.codePointCount(nl + 1, before.length());
      int at = in.position();
      StringBuilder hex = new StringBuilder();
      for (int i = at; i < Math.min(at + Math.max(r.length(), 1), bytes.length); i++) {
        hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i]));
      }
      return failed(file, null, new Location(file, line, column), "file is not "
          + (charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16") + " text (bytes " + hex
          + " at byte offset " + at + "); kustomize cannot read it as YAML");
    }
    return parse(file, out.toString(), skim, keep);
  }

  private static YamlFile parse(Path file, String text, boolean skim,
      java.util.function.IntPredicate keep) {
    if (keep == null) {
      return parse(file, text, skim);
    }
    String some = blankLines(text, keep);
    return some == null ? null : parse(file, some, false);
  }

  // the lines keep refuses made empty but for document markers; null at a "..." line
  static String blankLines(String text, java.util.function.IntPredicate keep) {
    StringBuilder out = new StringBuilder(text.length());
    int line = 0;
    for (int at = 0; at < text.length(); line++) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl;
      if (text.startsWith("...", at)) {
        return null;
      }
      boolean marker = text.startsWith("---", at) && (end == at + 3
          || " \t\r".indexOf(text.charAt(at + 3)) >= 0);
      if (marker || keep.test(line)) {
        out.append(text, at, end);
      }
      if (nl < 0) {
        break;
      }
      out.append('\n');
      at = nl + 1;
    }
    return out.toString();
  }

  /** Parses text that did not come from a file of its own (an inline patch). */
  public static YamlFile parse(Path file, String text) {
    return parse(file, text, false);
  }

  /** @param skim read manifests' identities only, where that reads as composing them would */
  static YamlFile parse(Path file, String text, boolean skim) {
    Location directive = yamlDirective(file, text);
    if (directive != null) {
      return failed(file, text, directive, "YAML does not parse: kustomize refuses %YAML"
          + " directives; remove the line");
    }
    int deep = FlowDepth.over(text, MAX_DEPTH);
    if (deep >= 0) {
      return failed(file, text, atOffset(file, text, deep), "YAML does not parse: collections"
          + " nest more than " + MAX_DEPTH + " deep; kustomize refuses it (exceeded max depth of "
          + MAX_DEPTH + ")");
    }
    // go-yaml, and so kustomize, takes a tab after a colon as a space; SnakeYAML refuses it.
    String yaml = tabsAfterColons(text);
    SkimParser.Skim skimmed = skim ? SkimParser.skim(BodyElision.apply(yaml)) : null;
    if (skimmed != null) {
      return YamlFile.skimmed(file, text, skimmed.documents(), skimmed.firstEmpty());
    }
    YamlFile done = parseOnce(file, yaml);
    if (!done.readable() && done.problem().message().contains("expected '<document start>'")) {
      // Content after a "..." document end without a new "---": go-yaml stops reading there
      // and kustomize silently drops the rest, so read only what comes before.
      int end = documentEndBefore(yaml, done.problem().location().line());
      if (end >= 0) {
        YamlFile head = parseOnce(file, yaml.substring(0, end));
        return YamlFile.of(file, text, head.documents(), head.problem(), head.firstEmpty());
      }
    }
    return yaml == text ? done
        : YamlFile.of(file, text, done.documents(), done.problem(), done.firstEmpty());
  }

  private static Location yamlDirective(Path file, String text) {
    if (!text.contains("%YAML")) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("%YAML")) {
        return new Location(file, i + 1, 1);
      }
    }
    return null;
  }

  /** The text with tabs in the blank run after a colon made spaces; same length, same columns. */
  static String tabsAfterColons(String text) {
    if (text.indexOf('\t') < 0) {
      return text;
    }
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] == ':') {
        for (int j = i + 1; j < c.length && (c[j] == ' ' || c[j] == '\t'); j++) {
          c[j] = ' ';
        }
      }
    }
    return new String(c);
  }

  /** The offset of the last "..." line before 1-based line, or -1. */
  private static int documentEndBefore(String text, int line) {
    int offset = 0;
    int found = -1;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length && i < line; i++) {
      if (lines[i].strip().equals("...")) {
        found = offset;
      }
      offset += lines[i].length() + 1;
    }
    return found;
  }

  private static YamlFile parseOnce(Path file, String text) {
    YamlFile done = new Attempt(file, text).run(false);
    if (done != null) {
      return done;
    }
    // The document nests deeper than this thread's stack allows: try again on a big one.
    final YamlFile[] out = new YamlFile[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = new Attempt(file, text).run(true);
      } catch (RuntimeException | Error e) {
        out[0] = failed(file, text, Location.of(file), "YAML cannot be read: " + e);
      }
    }, "kustomize-lint-deep-yaml", DEEP_STACK_BYTES);
    t.setDaemon(true);
    try {
      t.start();
    } catch (OutOfMemoryError e) {
      return failed(file, text, Location.of(file), "YAML nests too deeply to read");
    }
    join(List.of(t));
    return out[0] != null ? out[0]
        : failed(file, text, Location.of(file), "YAML nests too deeply to read");
  }

  /** Waits for every thread to end; an interrupt is kept for the caller, not lost. */
  public static void join(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Location atOffset(Path file, String text, int offset) {
    int line = 1;
    int start = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        start = i + 1;
      }
    }
    return new Location(file, line, offset - start + 1);
  }

  private static YamlFile failed(Path file, String text, Location at, String message) {
    return YamlFile.of(file, text, List.of(),
        new Problem(Problem.Kind.INVALID_MANIFEST, at, message));
  }

  static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    // Duplicate keys are reported by the linter itself; compose() would not reject them anyway.
    o.setAllowDuplicateKeys(true);
    // Aliases share nodes when composed, so their number costs nothing here; what they
    // expand to is checked after composing (see MAX_EXPANDED_NODES).
    o.setMaxAliasesForCollections(Integer.MAX_VALUE);
    // SnakeYAML allows one level more than its limit.
    o.setNestingDepthLimit(MAX_DEPTH - 1);
    o.setCodePointLimit((int) MAX_FILE_BYTES);
    o.setAllowRecursiveKeys(false);
    return o;
  }

  /** A document refused while composing, at a mark of its own. */
  private static final class Refused extends RuntimeException {
    private final transient Mark mark;

    Refused(Mark mark, String message) {
      super(message, null, false, false);
      this.mark = mark;
    }
  }

  /**
   * One composition of one text. It stands between composer and parser to remember the
   * last event (for a location when SnakeYAML throws without one) and the anchors still open
   * (an alias to one of them would make the node contain itself).
   */
  private static final class Attempt implements Parser {
    private final Path file;
    private final String text;
    private final ParserImpl parser;
    private Event last;
    private int aliases;
    private final Map<String, Boolean> anchorOpen = new HashMap<>();
    private final Deque<String> openAnchors = new ArrayDeque<>();

    Attempt(Path file, String text) {
      this.file = file;
      this.text = text;
      this.parser = new ParserImpl(new StreamReader(text), options());
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      Event e = parser.peekEvent();
      last = e;
      return e;
    }

    @Override
    public Event getEvent() {
      Event e = parser.getEvent();
      last = e;
      e = light(e);
      if (e instanceof CollectionStartEvent c) {
        openAnchors.push(c.getAnchor() == null ? "" : c.getAnchor());
        if (c.getAnchor() != null) {
          anchorOpen.put(c.getAnchor(), true);
        }
      } else if (e instanceof CollectionEndEvent) {
        String anchor = openAnchors.isEmpty() ? "" : openAnchors.pop();
        if (!anchor.isEmpty()) {
          anchorOpen.put(anchor, false);
        }
      } else if (e instanceof ScalarEvent s && s.getAnchor() != null) {
        anchorOpen.put(s.getAnchor(), false);
      } else if (e instanceof AliasEvent a) {
        aliases++;
        if (Boolean.TRUE.equals(anchorOpen.get(a.getAnchor()))) {
          throw new Refused(a.getStartMark(), "alias '*" + a.getAnchor()
              + "' is inside the node it names (&" + a.getAnchor() + "), so the node contains"
              + " itself; kustomize crashes expanding it");
        }
      }
      return e;
    }

    /**
     * The event with marks that keep only the character they point at (which tells an explicit
     * tag, see GoScalar) instead of the reader's window of the text: every node of a kept file
     * holds two, and the windows of a tree's kustomizations outweigh their nodes.
     */
    private static Event light(Event e) {
      Mark start = light(e.getStartMark());
      Mark end = light(e.getEndMark());
      if (e instanceof ScalarEvent s) {
        return new ScalarEvent(s.getAnchor(), s.getTag(), s.getImplicit(), s.getValue(), start,
            end, s.getScalarStyle());
      }
      if (e instanceof MappingStartEvent m) {
        return new MappingStartEvent(m.getAnchor(), m.getTag(), m.getImplicit(), start, end,
            m.getFlowStyle());
      }
      if (e instanceof SequenceStartEvent q) {
        return new SequenceStartEvent(q.getAnchor(), q.getTag(), q.getImplicit(), start, end,
            q.getFlowStyle());
      }
      if (e instanceof MappingEndEvent) {
        return new MappingEndEvent(start, end);
      }
      if (e instanceof SequenceEndEvent) {
        return new SequenceEndEvent(start, end);
      }
      if (e instanceof AliasEvent a) {
        return new AliasEvent(a.getAnchor(), start, end);
      }
      return e;
    }

    private static final int[][] ASCII = new int[128][];
    private static final int[] NONE = {};

    static {
      for (int c = 0; c < ASCII.length; c++) {
        ASCII[c] = new int[] {c};
      }
    }

    private static Mark light(Mark m) {
      if (m == null) {
        return null;
      }
      int[] b = m.getBuffer();
      int[] one = b == null || m.getPointer() >= b.length ? NONE
          : b[m.getPointer()] < ASCII.length && b[m.getPointer()] >= 0 ? ASCII[b[m.getPointer()]]
          : new int[] {b[m.getPointer()]};
      return new Mark(m.getName(), m.getIndex(), m.getLine(), m.getColumn(), one, 0);
    }

    /** The file read, or null when the stack ran out and {@code lastTry} is false. */
    YamlFile run(boolean lastTry) {
      List<Node> docs = new ArrayList<>();
      // Merge keys are rare; walking every node of a large CRD for them is not free.
      boolean merges = text.contains("<<");
      boolean firstEmpty = false;
      boolean first = true;
      try {
        Composer composer = new Composer(this, RESOLVER, options());
        while (composer.checkNode()) {
          Node doc = composer.getNode();
          // kustomize drops null and {} documents.
          boolean empty = doc == null || (doc instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))
              || (doc instanceof MappingNode m && m.getValue().isEmpty());
          if (first) {
            firstEmpty = empty;
            first = false;
          }
          if (!empty) {
            if (merges) {
              Nodes.flattenMerges(doc);
            }
            docs.add(doc);
          }
        }
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String ctx = e.getContext() != null ? e.getContext() + ": " : "";
        return failed(file, text, at(mark), "YAML does not parse: " + ctx + what);
      } catch (ReaderException e) {
        return failed(file, text, atCodePoint(e.getPosition()), "YAML does not parse: "
            + String.format("character U+%04X is not allowed in YAML", e.getCodePoint())
            + "; kustomize refuses it");
      } catch (Refused e) {
        return failed(file, text, at(e.mark), "YAML does not parse: " + e.getMessage());
      } catch (NumberFormatException e) {
        // SnakeYAML's scanner throws this for an escape cut short (a backslash-u at the end of a string).
        return failed(file, text, lastEvent(), "YAML does not parse: an escape sequence in a"
            + " double-quoted string is cut short or not hexadecimal; kustomize refuses it");
      } catch (YAMLException e) {
        String what = e.getMessage();
        if (what != null && what.startsWith("Nesting Depth exceeded")) {
          what = "collections nest more than " + MAX_DEPTH + " deep; kustomize refuses it"
              + " (exceeded max depth of " + MAX_DEPTH + ")";
        }
        return failed(file, text, lastEvent(), "YAML does not parse: " + what);
      } catch (StackOverflowError e) {
        if (!lastTry) {
          return null;
        }
        return failed(file, text, lastEvent(), "YAML nests too deeply to read");
      }
      if (aliases > 0) {
        for (Node doc : docs) {
          Node big = Expansion.overExpanded(doc, MAX_EXPANDED_NODES);
          if (big != null) {
            return failed(file, text, Nodes.location(file, big), "aliases and merge keys expand this node to"
                + " more than " + MAX_EXPANDED_NODES + " nodes (a \"billion laughs\" document);"
                + " kustomize runs out of time or memory expanding it");
          }
        }
      }
      return YamlFile.of(file, text, docs, null, firstEmpty);
    }

    private Location lastEvent() {
      return last == null ? Location.of(file) : at(last.getStartMark());
    }

    /**
     * The 1-based place of a mark. A mark past the final line break (where an unclosed
     * collection meets the end of the stream) is moved back onto the last line, where
     * go-yaml, and so kustomize, reports it.
     */
    private Location at(Mark mark) {
      if (mark == null) {
        return Location.of(file);
      }
      int line = mark.getLine();
      int column = mark.getColumn();
      if (line > 0 && column == 0 && mark.getIndex() >= text.codePointCount(0, text.length())
          && text.endsWith("\n")) {
        String body = text.substring(0, text.length() - 1);
        int nl = body.lastIndexOf('\n');
        String lastLine = body.substring(nl + 1);
        line--;
        column = lastLine.codePointCount(0, lastLine.length()) - (lastLine.endsWith("\r") ? 1 : 0);
      }
      return new Location(file, line + 1, column + 1);
    }

    private Location atCodePoint(int position) {
      int line = 1;
      int column = 1;
      int cp = 0;
      for (int i = 0; i < text.length() && cp < position; cp++) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new Location(file, line, column);
    }
  }
}
