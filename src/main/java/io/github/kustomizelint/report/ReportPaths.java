package io.github.kustomizelint.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where report paths are anchored. Findings carry paths relative to the project directory
 * ({@code base}); GitHub resolves SARIF URIs against the repository root and ignores
 * {@code uriBaseId}, so reports name files relative to {@code root}: the nearest directory
 * holding {@code .git}, or the project directory when there is none.
 *
 * @param repository whether root was found by its {@code .git} (or given explicitly)
 */
public record ReportPaths(Path base, Path root, boolean repository) {

  public ReportPaths {
    base = base.toAbsolutePath().normalize();
    root = root.toAbsolutePath().normalize();
  }

  /** Root from override when given, else the repository around base, else base itself. */
  public static ReportPaths of(Path base, Path override) {
    Path b = base.toAbsolutePath().normalize();
    if (override != null) {
      return new ReportPaths(b, b.resolve(override), true);
    }
    for (Path p = b; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return new ReportPaths(b, p, true);
      }
    }
    return new ReportPaths(b, b, false);
  }

  /** A finding's file as a plain path relative to root, with forward slashes. */
  public String rootPath(Path file) {
    Path abs = base.resolve(file).normalize();
    Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
    return rel.toString().replace('\\', '/');
  }

  /** The absolute file a finding names. */
  public Path absolute(Path file) {
    return base.resolve(file).normalize();
  }

  /** A finding's file as an RFC 3986 URI reference relative to root. */
  public String uri(Path file) {
    Path abs = absolute(file);
    return abs.startsWith(root) ? encode(rootPath(file)) : fileUri(abs, false);
  }

  /** The root as an absolute file URI ending in a slash, as SARIF requires of a base. */
  public String rootUri() {
    return fileUri(root, true);
  }

  private static String fileUri(Path abs, boolean directory) {
    String p = abs.toString().replace('\\', '/');
    if (!p.startsWith("/")) {
      p = "/" + p; // Windows drive letters
    }
    if (directory && !p.endsWith("/")) {
      p += "/";
    }
    return "file://" + encode(p);
  }

  /** Percent-encodes every octet but RFC 3986's unreserved characters and the slash. */
  static String encode(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
