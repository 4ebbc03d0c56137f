import java.nio.file.Path;

/** Helper for gen.py: "meta" lists the rules; "lint DIR" prints the findings for DIR/config. */
public class Docs {
  public static void main(String[] a) {
    if (a[0].equals("meta")) {
      for (var r : io.github.kustomizelint.rules.Rules.all()) {
        System.out.println(r.id() + "\t" + r.defaultSeverity().label() + "\t" + r.breaksBuild()
            + "\t" + r.description() + "\t" + r.help());
      }
      return;
    }
    Path base = Path.of(a[1]);
    var r = new io.github.kustomizelint.Linter(
        io.github.kustomizelint.LintOptions.of(base.resolve("config"), base)).run();
    r.findings().forEach(System.out::println);
  }
}
