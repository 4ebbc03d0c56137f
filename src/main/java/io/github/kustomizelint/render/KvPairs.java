package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.load.GeneratorSources;
import io.github.kustomizelint.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A generator's key/value pairs as kustomize's KV loader (api/kv) gives them: env files first,
 * then literals, then files; a file's value is its raw bytes (they may not be UTF-8). Keys
 * are not validated: kustomize's field validator accepts any.
 */
final class KvPairs {

  /** One pair; {@code value} holds bytes, as a Go string does. */
  record Pair(String key, byte[] value) {}

  private KvPairs() {}

  static List<Pair> load(Path dir, List<String> envs, List<String> literals,
      List<String> files, Location at) {
    List<Pair> out = new ArrayList<>();
    for (String env : envs) {
      List<String[]> pairs = GeneratorSources.envPairs(read(dir, env, at), line -> { });
      if (pairs == null) {
        throw new Unmodelled("an env file that is not UTF-8", at);
      }
      pairs.forEach(p -> out.add(new Pair(p[0], utf8(p[1]))));
    }
    for (String lit : literals) {
      int eq = lit.indexOf('=');
      if (eq <= 0) {
        throw new Unmodelled("a literal that is not KEY=VALUE", at);
      }
      out.add(new Pair(lit.substring(0, eq), utf8(removeQuotes(lit.substring(eq + 1)))));
    }
    for (String f : files) {
      String[] parts = f.split("=", -1);
      if (parts.length > 2 || parts.length == 2 && (parts[0].isEmpty() || parts[1].isEmpty())) {
        throw new Unmodelled("a file source that is not [KEY=]PATH", at);
      }
      String path = parts[parts.length - 1];
      String key = parts.length == 2 ? parts[0] : goBase(path);
      out.add(new Pair(key, read(dir, path, at)));
    }
    Set<String> keys = new HashSet<>();
    for (Pair p : out) {
      if (!keys.add(p.key())) {
        throw new Unmodelled("a generator that repeats a key", at);
      }
    }
    return out;
  }

  // kustomize's removeQuotes: one pair of matching outer quotes goes.
  private static String removeQuotes(String s) {
    if (s.length() >= 2 && s.charAt(0) == s.charAt(s.length() - 1)
        && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  // Go's path.Base on a slash path
  private static String goBase(String p) {
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    int slash = s.lastIndexOf('/');
    return slash < 0 || s.length() == 1 ? s : s.substring(slash + 1);
  }

  private static byte[] read(Path dir, String name, Location at) {
    if (name.contains("://")) {
      throw new Unmodelled("a remote generator source", at);
    }
    Path file = dir.resolve(name).normalize();
    if (!Files.isRegularFile(file) || !file.startsWith(dir)) {
      throw new Unmodelled("a generator source that is not a file in the kustomization's"
          + " directory: " + name, at);
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Unmodelled("a generator source that cannot be read: " + name, at);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
