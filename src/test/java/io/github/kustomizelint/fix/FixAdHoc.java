package io.github.kustomizelint.fix;

import io.github.kustomizelint.LintOptions;
import java.nio.file.Path;
import java.util.Set;

/** Runs fix on a folder: {@code [FIX_RULES=a,b] FixAdHoc DIR [dry]}; for scripts, not a test. */
public final class FixAdHoc {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath();
    Set<String> rules = System.getenv("FIX_RULES") == null ? Set.of()
        : Set.of(System.getenv("FIX_RULES").split(","));
    FixRun.Outcome o = new FixRun(LintOptions.of(dir, dir), rules, args.length > 1).run();
    o.applied().forEach(f -> System.out.println("fixed " + f.at() + " [" + f.ruleId() + "] " + f.what()));
    o.refused().forEach(r -> System.out.println("refused " + r.at() + " [" + r.ruleId() + "] " + r.why()));
    System.out.print(o.diff());
  }
}
