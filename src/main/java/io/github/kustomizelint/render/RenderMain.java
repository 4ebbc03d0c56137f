package io.github.kustomizelint.render;

import io.github.kustomizelint.load.YamlCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For scripts/render-check.sh: renders each directory given after OUT_DIR and writes
 * OUT_DIR/&lt;n&gt;.yaml, or OUT_DIR/&lt;n&gt;.unmodelled naming what kept it from being rendered
 * (n = the argument's index). No check runs here: the script compares with kubectl. One
 * renderer per top folder under the directories' common parent, as the build goal runs once
 * per module.
 */
public final class RenderMain {

  private RenderMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Path common = common(args);
    Renderer renderer = null;
    Path module = null;
    for (int i = 1; i < args.length; i++) {
      Renderer.Result r;
      try {
        Path dir = Path.of(args[i]).toRealPath();
        // a renderer per top folder, as each is its own module's build goal run
        Path top = dir.startsWith(common) && !dir.equals(common)
            ? common.resolve(common.relativize(dir).getName(0)) : dir;
        if (!top.equals(module)) {
          module = top;
          renderer = new Renderer(new YamlCache());
        }
        r = renderer.render(dir);
      } catch (RuntimeException | java.io.IOException e) {
        Files.writeString(out.resolve(i + ".unmodelled"), "crash: " + e, StandardCharsets.UTF_8);
        continue;
      }
      if (r.rendered()) {
        Files.writeString(out.resolve(i + ".yaml"), r.yaml(), StandardCharsets.UTF_8);
      } else {
        Files.writeString(out.resolve(i + ".unmodelled"), r.unmodelled().feature() + " at "
            + r.unmodelled().at(), StandardCharsets.UTF_8);
      }
    }
  }

  private static Path common(String[] args) throws java.io.IOException {
    Path c = null;
    for (int i = 1; i < args.length; i++) {
      Path p = Path.of(args[i]).toRealPath();
      if (c == null) {
        c = p;
      }
      while (!p.startsWith(c)) {
        c = c.getParent();
      }
    }
    return c == null ? Path.of("/") : c;
  }
}
