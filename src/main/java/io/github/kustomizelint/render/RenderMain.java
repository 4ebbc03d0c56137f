package io.github.kustomizelint.render;

import io.github.kustomizelint.load.YamlCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For scripts/render-check.sh: renders each directory given after OUT_DIR and writes
 * OUT_DIR/&lt;n&gt;.yaml, or OUT_DIR/&lt;n&gt;.unmodelled naming what kept it from being rendered
 * (n = the argument's index). No check runs here: the script compares with kubectl.
 */
public final class RenderMain {

  private RenderMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Renderer renderer = new Renderer(new YamlCache());
    for (int i = 1; i < args.length; i++) {
      Renderer.Result r;
      try {
        r = renderer.render(Path.of(args[i]).toRealPath());
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
}
