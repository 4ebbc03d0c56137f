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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The up-to-date skip, like Spotless's index: after a passing run it records a fingerprint of
 * the plugin, the parameters and every file the run could have read (everything under the
 * config directory, and each file read from outside it with the listing of its directory);
 * the next run skips when nothing in it changed. One index file per module and parameter
 * set, written atomically, so parallel (-T) modules never share one.
 */
public final class UpToDate {

  private static final String HEADER = "kustomize-lint up-to-date index 1";

  private final Path index;
  private final Path configDirectory;
  private final String key;

  /**
   * @param indexDirectory where the index lives (under the module's target/)
   * @param parameters every parameter that can change a finding or the outcome, as text
   */
  public UpToDate(Path indexDirectory, Path configDirectory, String parameters) {
    this.configDirectory = configDirectory.toAbsolutePath().normalize();
    this.key = sha256((parameters + "\n" + configDirectory + "\n" + pluginIdentity())
        .getBytes(StandardCharsets.UTF_8));
    this.index = indexDirectory.resolve("up-to-date-" + key.substring(0, 16) + ".index");
  }

  public Path index() {
    return index;
  }

  /** True when the last recorded run saw exactly what is on disk now. */
  public boolean upToDate() {
    List<String> lines;
    try {
      if (!Files.isRegularFile(index)) {
        return false;
      }
      lines = Files.readAllLines(index, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
    if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)) {
      return false;
    }
    List<String> tree = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      String[] f = line.split("\t", -1);
      Path p = Path.of(f[f.length - 1]);
      boolean same = switch (f[0]) {
        case "tree" -> {
          tree.add(p.toString());
          yield unchanged(p, f);
        }
        case "file" -> unchanged(p, f);
        case "absent" -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        case "dir" -> f.length == 3 && f[1].equals(listing(p));
        default -> false;
      };
      if (!same) {
        return false;
      }
    }
    // No file may have appeared under the tree (or gone: checked above).
    return tree.equals(treeFiles().stream().map(Path::toString).toList());
  }

  /**
   * Records a passing run. {@code before} is taken before the run,
   * so an edit made while it ran ends the skip next time; {@code read} is every file the run
   * read or looked for. A file read from outside the tree brings the whole folder it lies in
   * (kustomize loads a kustomization's files from under its own folder).
   */
  public void record(Snapshot before, Collection<Path> read) throws IOException {
    List<Path> treeBefore = before.files();
    Map<Path, String> treeHashes = before.hashes();
    List<String> out = new ArrayList<>(List.of(HEADER, "key " + key));
    for (Path p : treeBefore) {
      String hash = treeHashes.get(p);
      if (hash == null) {
        forget();
        return;
      }
      out.add(entry("tree", p, hash));
    }
    java.util.Set<Path> inTree = new java.util.HashSet<>(treeBefore);
    java.util.TreeSet<Path> dirs = new java.util.TreeSet<>();
    for (Path raw : new java.util.TreeSet<>(read)) {
      Path p = raw.toAbsolutePath().normalize();
      if (inTree.contains(p)) {
        continue;
      }
      if (!Files.exists(p)) {
        out.add("absent\t" + p);
        continue;
      }
      String hash = hash(p);
      if (hash == null) {
        forget();
        return;
      }
      out.add(entry("file", p, hash));
      if (!p.startsWith(configDirectory) && p.getParent() != null) {
        dirs.add(p.getParent());
      }
    }
    Path last = null;
    for (Path d : dirs) {
      if (last != null && d.startsWith(last)) {
        continue;
      }
      last = d;
      out.add("dir\t" + listing(d) + "\t" + d);
      for (Path f : files(d)) {
        String hash = hash(f);
        if (hash == null) {
          forget();
          return;
        }
        out.add(entry("file", f, hash));
      }
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
    return files(configDirectory);
  }

  private static List<Path> files(Path root) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          out.add(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          out.add(file);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
    out.sort(null);
    return out;
  }

  /** The tree as a run is about to read it. */
  public record Snapshot(List<Path> files, Map<Path, String> hashes) {}

  /** Every file under the tree with its content hash (null for one that cannot be read). */
  public Snapshot snapshot() {
    List<Path> files = treeFiles();
    Map<Path, String> out = new java.util.HashMap<>();
    for (Path p : files) {
      out.put(p, hash(p));
    }
    return new Snapshot(files, out);
  }

  private static String entry(String kind, Path p, String hash) {
    long[] sm = sizeAndTime(p);
    return kind + "\t" + sm[0] + "\t" + sm[1] + "\t" + hash + "\t" + p;
  }

  /** Size and modification time match, or the content does (a touch is not a change). */
  private static boolean unchanged(Path p, String[] f) {
    if (f.length != 5) {
      return false;
    }
    long[] sm = sizeAndTime(p);
    if (sm[0] < 0 || sm[0] != Long.parseLong(f[1])) {
      return false;
    }
    return sm[1] == Long.parseLong(f[2]) || f[3].equals(hash(p));
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
  private static String listing(Path dir) {
    try {
      return sha256(String.join("\n", files(dir).stream().map(Path::toString).toList())
          .getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      return "unlisted";
    }
  }

  private static String hash(Path p) {
    try {
      MessageDigest md = digest();
      if (Files.isSymbolicLink(p)) {
        // Where the link points matters as much as what it points at.
        md.update(("link:" + Files.readSymbolicLink(p) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      if (!Files.isRegularFile(p)) {
        return Files.isDirectory(p) ? "directory" : null;
      }
      try (InputStream in = Files.newInputStream(p)) {
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(md.digest());
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

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
