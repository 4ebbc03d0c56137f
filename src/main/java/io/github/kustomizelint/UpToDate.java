package io.github.kustomizelint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The up-to-date skip, like Spotless's index: after a passing run it records a fingerprint of
 * the plugin, the parameters and every file the run could have read (everything under the
 * config directory, and each file read from outside it with the listing of its directory);
 * the next run skips when nothing in it changed. Files are compared by size and modification
 * time; only a file whose time changed is read again (CRC-32C), so a touch is not a change.
 * One index file per module and parameter set, written atomically, so parallel (-T) modules
 * never share one.
 */
public final class UpToDate {

  private static final String HEADER = "kustomize-lint up-to-date index 2";

  // A file modified this close to a run may change again within the file system's timestamp
  // granularity without its time changing (git's "racily clean" entries): its content decides.
  private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(3);
  // A file outside the tree modified later than this before the run may have changed under it.
  private static final long SETTLED_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Path index;
  private final Path configDirectory;
  private final String key;

  /**
   * @param indexDirectory where the index lives (under the module's target/)
   * @param parameters every parameter that can change a finding or the outcome, as text
   */
  public UpToDate(Path indexDirectory, Path configDirectory, String parameters) {
    this.configDirectory = configDirectory.toAbsolutePath().normalize();
    // The whole key is kept and compared in the index; its file name is a cheap hash of it
    // (no MessageDigest: initializing the security providers costs a cold build 0.1 s).
    this.key = (parameters + "\n" + configDirectory + "\n" + pluginIdentity())
        .replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    this.index = indexDirectory.resolve("up-to-date-" + crc32c(key) + ".index");
  }

  public Path index() {
    return index;
  }

  /** One index line: kind, size, time, racy flag, CRC (or "-"), path. */
  private record Line(String kind, long size, long time, boolean racy, String crc, Path path) {

    static Line parse(String text) {
      String[] f = text.split("\t", -1);
      if (f.length != 6) {
        throw new IllegalArgumentException("not an index line: " + text);
      }
      return new Line(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3].equals("r"), f[4],
          Path.of(f[5]));
    }

    @Override
    public String toString() {
      return String.join("\t", kind, Long.toString(size), Long.toString(time), racy ? "r" : "-",
          crc, path.toString());
    }

    /** Same size, and the same time (unless racy) or the same content. */
    boolean unchanged(long[] now) {
      if (now == null || now[0] < 0 || now[0] != size) {
        return false;
      }
      return (now[1] == time && !racy) || crc.equals(checksum(path));
    }
  }

  /** True when the last recorded run saw exactly what is on disk now. */
  public boolean upToDate() {
    List<Line> lines = read();
    if (lines == null) {
      return false;
    }
    Map<Path, long[]> walked = walk(configDirectory);
    int tree = 0;
    for (Line l : lines) {
      boolean same = switch (l.kind()) {
        case "tree" -> {
          tree++;
          yield l.unchanged(walked.get(l.path()));
        }
        case "file" -> l.unchanged(sizeAndTime(l.path()));
        case "absent" -> !Files.exists(l.path(), LinkOption.NOFOLLOW_LINKS);
        case "dir" -> l.crc().equals(listing(l.path()));
        default -> false;
      };
      if (!same) {
        return false;
      }
    }
    // No file may have appeared under the tree (each recorded one is still there).
    return tree == walked.size();
  }

  // The entries of the last recorded run with this key, or null.
  private List<Line> read() {
    try {
      if (!Files.isRegularFile(index)) {
        return null;
      }
      List<String> text = Files.readAllLines(index, StandardCharsets.UTF_8);
      if (text.size() < 2 || !text.get(0).equals(HEADER) || !text.get(1).equals("key " + key)) {
        return null;
      }
      List<Line> out = new ArrayList<>();
      for (String t : text.subList(2, text.size())) {
        out.add(Line.parse(t));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The tree as a run is about to read it: sizes and times, contents only of racy files. */
  public record Snapshot(long startNanos, Map<Path, long[]> stats, Map<Path, String> racyCrcs) {}

  public Snapshot snapshot() {
    long start = nowNanos();
    Map<Path, long[]> stats = new LinkedHashMap<>();
    Map<Path, String> racy = new HashMap<>();
    for (Map.Entry<Path, long[]> e : walk(configDirectory).entrySet()) {
      Path p = e.getKey();
      long[] sm = e.getValue();
      stats.put(p, sm);
      if (sm[1] >= start - RACY_NANOS) {
        racy.put(p, checksum(p));
      }
    }
    return new Snapshot(start, stats, racy);
  }

  /**
   * Records a passing run. {@code before} is taken before the run; when any file of the tree
   * changed since (an edit while the run read it), nothing is recorded, so the next run checks
   * again. {@code read} is every file the run read or looked for: one read from outside the
   * tree brings the whole folder it lies in (kustomize loads a kustomization's files from
   * under its own folder). Contents are read only where size or time differ from the last index.
   */
  public void record(Snapshot before, Collection<Path> read) throws IOException {
    Map<Path, Line> last = new HashMap<>();
    List<Line> previous = read();
    if (previous != null) {
      previous.forEach(l -> last.put(l.path(), l));
    }
    long now = nowNanos();
    List<String> out = new ArrayList<>(List.of(HEADER, "key " + key));
    Map<Path, long[]> walked = walk(configDirectory);
    List<Path> tree = new ArrayList<>(walked.keySet());
    if (!tree.equals(new ArrayList<>(before.stats().keySet()))) {
      forget(); // a file appeared or went while the run read the tree
      return;
    }
    for (Path p : tree) {
      long[] sm = walked.get(p);
      long[] was = before.stats().get(p);
      String racyBefore = before.racyCrcs().get(p);
      // A racy file's bytes are read again: the same time does not prove the same content.
      String crc = racyBefore != null ? checksum(p) : crcOf(p, sm, last.get(p));
      if (sm[0] != was[0] || sm[1] != was[1] || crc == null
          || (racyBefore != null && !racyBefore.equals(crc))) {
        forget(); // changed while the run read it
        return;
      }
      out.add(new Line("tree", sm[0], sm[1], sm[1] >= now - RACY_NANOS, crc, p).toString());
    }
    Set<Path> inTree = new HashSet<>(tree);
    TreeSet<Path> dirs = new TreeSet<>();
    List<Path> outside = new ArrayList<>();
    for (Path raw : new TreeSet<>(read)) {
      Path p = raw.toAbsolutePath().normalize();
      if (inTree.contains(p)) {
        continue;
      }
      if (!Files.exists(p)) {
        out.add(new Line("absent", -1, -1, false, "-", p).toString());
        continue;
      }
      outside.add(p);
      if (!p.startsWith(configDirectory) && p.getParent() != null) {
        dirs.add(p.getParent());
      }
    }
    Path lastDir = null;
    for (Path d : dirs) {
      if (lastDir != null && d.startsWith(lastDir)) {
        continue;
      }
      lastDir = d;
      out.add(new Line("dir", -1, -1, false, listing(d), d).toString());
      outside.addAll(walk(d).keySet());
    }
    for (Path p : new TreeSet<>(outside)) {
      long[] sm = sizeAndTime(p);
      String crc = crcOf(p, sm, last.get(p));
      if (crc == null || sm[1] >= before.startNanos() - SETTLED_NANOS) {
        forget(); // unreadable, or possibly edited while the run read it
        return;
      }
      out.add(new Line("file", sm[0], sm[1], sm[1] >= now - RACY_NANOS, crc, p).toString());
    }
    Files.createDirectories(index.getParent());
    Path tmp = Files.createTempFile(index.getParent(), "up-to-date", ".tmp");
    try {
      Files.write(tmp, out, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // The content hash, taken over from the last index when size and time are the same there.
  private static String crcOf(Path p, long[] sm, Line last) {
    if (last != null && !last.racy() && last.size() == sm[0] && last.time() == sm[1]
        && !last.crc().equals("-")) {
      return last.crc();
    }
    return checksum(p);
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }

  /** Forgets the last run (a failing run must not be skipped next time). */
  public void forget() {
    try {
      Files.deleteIfExists(index);
    } catch (IOException e) {
      // an index that cannot be removed is overwritten or refused by its key next time
    }
  }

  /** Every file under the config directory but .git, sorted. */
  public List<Path> treeFiles() {
    return new ArrayList<>(walk(configDirectory).keySet());
  }

  /**
   * Every file under root but .git and this index's own folder (written while the run
   * goes), sorted, with size and time as the walk saw them (a symlink's are its target's).
   */
  private Map<Path, long[]> walk(Path root) {
    Map<Path, long[]> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    Path own = index.getParent();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return dir.equals(own) || dir.getFileName() != null
              && dir.getFileName().toString().equals(".git")
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          out.put(file, attrs.isSymbolicLink() ? sizeAndTime(file) : new long[] {attrs.size(),
              attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)});
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          out.put(file, new long[] {-1, -1});
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
    return out;
  }

  private static long[] sizeAndTime(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new long[] {a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)};
    } catch (IOException e) {
      return new long[] {-1, -1};
    }
  }

  /** Names of every file under dir: a file added there ends the skip. */
  private String listing(Path dir) {
    try {
      Set<Path> names = walk(dir).keySet();
      return names.size() + ":" + crc32c(String.join("\n",
          names.stream().map(Path::toString).toList()));
    } catch (UncheckedIOException e) {
      return "unlisted";
    }
  }

  // CRC-32C of the bytes (and of where a symlink points), or null for an unreadable file.
  private static String checksum(Path p) {
    try {
      CRC32C crc = new CRC32C();
      if (Files.isSymbolicLink(p)) {
        // Where the link points matters as much as what it points at.
        crc.update(("link:" + Files.readSymbolicLink(p) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      if (!Files.isRegularFile(p)) {
        return Files.isDirectory(p) ? "directory" : null;
      }
      try (InputStream in = Files.newInputStream(p)) {
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) > 0; ) {
          crc.update(buf, 0, n);
        }
      }
      return Long.toHexString(crc.getValue());
    } catch (IOException e) {
      return null;
    }
  }

  /** The plugin's own jar (size and time): a rebuilt SNAPSHOT is a new plugin. */
  private static String pluginIdentity() {
    String version = String.valueOf(UpToDate.class.getPackage().getImplementationVersion());
    try {
      Path code = Path.of(UpToDate.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      long[] sm = sizeAndTime(code);
      return version + " " + code + " " + sm[0] + " " + sm[1];
    } catch (URISyntaxException | RuntimeException e) {
      return version;
    }
  }

  private static String crc32c(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }
}
