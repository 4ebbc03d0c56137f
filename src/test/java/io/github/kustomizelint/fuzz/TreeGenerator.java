package io.github.kustomizelint.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a random kustomize tree built from real shapes: every kustomization field with right
 * and wrong types, bases and components that form chains, diamonds and cycles, manifests and
 * patches (kind: List nesting, aliases, merge keys), hostile values (NULs, BOMs, invalid UTF-8,
 * huge scalars, catastrophic regexes, URLs, absolute and escaping paths), symlinks in and out of
 * the project and FIFOs. One seed always writes the same tree.
 */
final class TreeGenerator {

  static final String OUTSIDE_MARK = "OUTSIDE-THE-PROJECT-7f3a";

  private static final String[] FIELDS = {"resources", "bases", "components", "crds",
      "patches", "patchesStrategicMerge", "patchesJson6902", "configMapGenerator",
      "secretGenerator", "generators", "transformers", "validators", "configurations",
      "replacements", "replicas", "vars", "namePrefix", "nameSuffix", "namespace",
      "commonLabels", "labels", "commonAnnotations", "images", "openapi", "sortOptions",
      "generatorOptions", "helmCharts", "buildMetadata", "apiVersion", "kind", "metadata",
      "Resources", "resourcez", "<<"};

  private static final String[] KINDS = {"ConfigMap", "Deployment", "Service", "Secret",
      "Namespace", "CustomResourceDefinition", "StatefulSet", "Foo", "List", "ConfigMapList",
      "PatchTransformer", "LabelTransformer", "MyPlugin", ""};

  private static final String[] REGEXES = {"(a|aa)*b", "(a*)*$", "((a+)+)+c", "x{1000}",
      "(?=x)", "(?P<n>a)", "\\1", "[", "a++", ".*", "", "app.*", "(?i)APP", "\\pL+",
      "a{2,1}", "(((((((((((x)))))))))))", "[[:alpha:]]", "\\C", "a**"};

  private final Random r;
  private final Path project;
  private final Path config;
  private final Path outside;
  private final List<String> dirs = new ArrayList<>();

  TreeGenerator(long seed, Path project, Path outside) {
    this.r = new Random(seed);
    this.project = project;
    this.config = project.resolve("config");
    this.outside = outside;
  }

  /** Writes the tree under project/config; the kustomization directories it made. */
  void write() throws IOException {
    Files.createDirectories(config);
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: " + OUTSIDE_MARK + "\n# kustomize-lint:disable-file=" + OUTSIDE_MARK + "\n");
    Files.createDirectories(outside.resolve("base"));
    Files.writeString(outside.resolve("base/kustomization.yaml"), "resources:\n- ../secret.yaml\n"
        + "namePrefix: " + OUTSIDE_MARK + "\n");
    int n = 1 + r.nextInt(6);
    String[] names = {"base", "overlays/prod", "overlays/dev", "components/c1", "components/c2",
        ".github/k", "a/b/c"};
    for (int i = 0; i < n; i++) {
      dirs.add(names[r.nextInt(names.length)]);
    }
    for (String d : dirs) {
      Path dir = config.resolve(d);
      Files.createDirectories(dir);
      String file = r.nextInt(20) == 0 ? (r.nextBoolean() ? "kustomization.yml" : "Kustomization")
          : "kustomization.yaml";
      boolean component = d.startsWith("components") ? r.nextInt(5) > 0 : r.nextInt(15) == 0;
      writeKustomization(dir.resolve(file), component);
      int files = r.nextInt(4);
      for (int i = 0; i < files; i++) {
        Path f = dir.resolve(fileName());
        if (!Files.exists(f)) {
          write(f, manifest());
        }
      }
      if (r.nextInt(40) == 0) {
        write(dir.resolve("kustomization.yml"), kustomization(false)); // two kustomization files
      }
    }
    extras();
  }

  private void extras() throws IOException {
    if (r.nextInt(30) == 0) {
      link(config.resolve(dirs.get(0)).resolve("out-link.yaml"), outside.resolve("secret.yaml"));
    }
    if (r.nextInt(30) == 0) {
      link(config.resolve("linked/kustomization.yaml"), outside.resolve("base/kustomization.yaml"));
    }
    if (r.nextInt(40) == 0) {
      link(config.resolve(dirs.get(0)).resolve("loop"), config.resolve(dirs.get(0)));
    }
    if (r.nextInt(40) == 0) {
      link(config.resolve("self-link.yaml"), config.resolve("self-link.yaml"));
    }
    if (r.nextInt(60) == 0) {
      Path dir = config.resolve("fifo");
      Files.createDirectories(dir);
      String name = r.nextBoolean() ? "kustomization.yaml" : "pipe.yaml";
      try {
        new ProcessBuilder("mkfifo", dir.resolve(name).toString()).start().waitFor();
      } catch (IOException | InterruptedException e) {
        // no mkfifo: the tree just lacks a FIFO
      }
      if (!name.equals("kustomization.yaml")) {
        write(dir.resolve("kustomization.yaml"), "resources:\n- pipe.yaml\npatches:\n- path: pipe.yaml\n");
      }
    }
  }

  private static void link(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, target);
    }
  }

  private void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int mode = r.nextInt(60);
    if (mode == 0) {
      bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes); // BOM
    } else if (mode == 1 && bytes.length > 0) {
      bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x80)); // invalid UTF-8
    } else if (mode == 2 && bytes.length > 0) {
      bytes[r.nextInt(bytes.length)] = 0; // a NUL byte
    } else if (mode == 3) {
      bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    } else if (mode == 4 && bytes.length > 2) {
      bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length)); // cut short
    }
    Files.write(file, bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private void writeKustomization(Path file, boolean component) throws IOException {
    write(file, kustomization(component));
  }

  private String kustomization(boolean component) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(8) == 0) {
      sb.append("base: &base\n  namePrefix: p-\n");
    }
    if (component) {
      sb.append("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
    } else if (r.nextBoolean()) {
      sb.append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    }
    int fields = r.nextInt(7);
    for (int i = 0; i < fields; i++) {
      String f = FIELDS[r.nextInt(FIELDS.length)];
      sb.append(field(f));
    }
    if (r.nextInt(50) == 0) {
      sb.append("---\n").append(field("resources"));
    }
    return sb.toString();
  }

  private String field(String f) {
    if (r.nextInt(12) == 0) {
      return f + ": " + wrongType() + "\n";
    }
    return switch (f) {
      case "resources", "bases", "crds", "configurations", "generators", "transformers",
          "validators", "patchesStrategicMerge" -> f + ":\n" + pathList(f);
      case "components" -> f + ":\n" + dirList(true);
      case "patches" -> f + ":\n" + patches();
      case "patchesJson6902" -> f + ":\n- target:\n" + target("    ") + "  path: " + path() + "\n";
      case "configMapGenerator", "secretGenerator" -> f + ":\n- name: " + name()
          + "\n  behavior: " + pick("create", "merge", "replace", "bogus")
          + "\n  literals:\n  - " + pick("a=b", "nokey", "=v", "\"x=\\0\"")
          + "\n  files:\n  - " + path() + "\n  - " + pick("k=", "k=" + path(), "/", "") + "\n";
      case "replacements" -> f + ":\n- source:\n    kind: " + kind() + "\n    name: " + name()
          + "\n    fieldPath: " + pick("metadata.name", "data.x", "[", "metadata.namespace")
          + "\n  targets:\n  - select:\n      kind: " + kind() + "\n    fieldPaths:\n    - "
          + pick("metadata.name", "spec.replicas", "data.*") + "\n"
          + (r.nextBoolean() ? "- path: " + path() + "\n" : "");
      case "replicas" -> f + ":\n- name: " + name() + "\n  count: " + pick("1", "x", "-1") + "\n";
      case "vars" -> f + ":\n- name: V\n  objref:\n    kind: " + kind() + "\n    name: " + name()
          + "\n    apiVersion: v1\n";
      case "namePrefix", "nameSuffix", "namespace" -> f + ": " + scalar() + "\n";
      case "commonLabels", "commonAnnotations" -> f + ":\n  " + scalar() + ": " + scalar() + "\n";
      case "labels" -> f + ":\n- pairs:\n    a: " + scalar() + "\n  includeSelectors: true\n";
      case "images" -> f + ":\n- name: nginx\n  newTag: " + scalar() + "\n";
      case "openapi" -> f + ":\n  path: " + path() + "\n";
      case "sortOptions" -> f + ":\n  order: " + pick("fifo", "legacy", "random") + "\n";
      case "generatorOptions" -> f + ":\n  disableNameSuffixHash: true\n  labels:\n    x: y\n";
      case "helmCharts" -> f + ":\n- name: chart\n  repo: https://example.com\n";
      case "<<" -> "<<: *base\n";
      default -> f + ": " + scalar() + "\n";
    };
  }

  private String wrongType() {
    return pick("1", "true", "null", "~", "{}", "[]", "{a: b}", "[[1]]", "\"s\"", "*nope",
        "&a [*a]", "!!binary aGk=", "'''", "[a, {b: c}]", "yes", "0x1F", "1e400");
  }

  private String pathList(String field) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append("- ").append(r.nextInt(3) == 0 ? dirRef() : path()).append('\n');
    }
    if (field.equals("transformers") && r.nextInt(3) == 0) {
      sb.append("- |\n  apiVersion: builtin\n  kind: ").append(pick("PatchTransformer",
          "LabelTransformer", "PrefixSuffixTransformer", "NotBuiltin"))
          .append("\n  metadata:\n    name: t\n  patch: '{}'\n");
    }
    return sb.toString();
  }

  private String dirList(boolean components) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append("- ").append(dirRef()).append('\n');
    }
    return sb.toString();
  }

  /** A reference to another kustomization of the tree (so chains, diamonds and cycles form). */
  private String dirRef() {
    if (r.nextInt(15) == 0) {
      return pick("https://github.com/org/repo//config?ref=v1", "github.com/org/repo/config",
          "../../../outside/base", "git@github.com:o/r.git", "/", "\"\\0\"", "..", ".");
    }
    String d = dirs.get(r.nextInt(dirs.size()));
    return "../".repeat(depthOfSomeDir()) + d;
  }

  private int depthOfSomeDir() {
    return 1 + r.nextInt(3);
  }

  private String path() {
    int c = r.nextInt(40);
    return switch (c) {
      case 0 -> "\"\\0x.yaml\"";
      case 1 -> "/";
      case 2 -> "/etc/hostname";
      case 3 -> "../../../outside/secret.yaml";
      case 4 -> "https://example.com/p.yaml";
      case 5 -> "\"" + "a".repeat(300) + ".yaml\"";
      case 6 -> "\"\"";
      case 7 -> "out-link.yaml";
      case 8 -> "\"\\uD800.yaml\"";
      case 9 -> "../" + dirs.get(0) + "/" + fileName();
      case 10 -> "nested/../" + fileName();
      case 11 -> "self-link.yaml";
      case 12 -> "../fifo/pipe.yaml";
      default -> fileName();
    };
  }

  private String fileName() {
    return pick("cm.yaml", "deploy.yaml", "patch.yaml", "list.yaml", "p.yml", "crd.yaml",
        "t.yaml", "x.yaml");
  }

  private String patches() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(4);
      if (c == 0) {
        sb.append("- path: ").append(path()).append('\n');
      } else if (c == 1) {
        sb.append("- target:\n").append(target("    ")).append("  patch: |-\n")
            .append("    - op: ").append(pick("add", "remove", "replace", "move"))
            .append("\n      path: ").append(pick("/metadata/name", "/spec", "/data/x", ""))
            .append("\n      value: x\n");
      } else if (c == 2) {
        sb.append("- patch: |-\n    apiVersion: v1\n    kind: ").append(kind())
            .append("\n    metadata:\n      name: ").append(name()).append('\n')
            .append(r.nextBoolean() ? "    $patch: delete\n" : "");
      } else {
        sb.append("- target:\n").append(target("    ")).append("  path: ").append(path())
            .append(r.nextInt(4) == 0 ? "\n  patch: x\n" : "\n");
      }
    }
    return sb.toString();
  }

  private String target(String indent) {
    StringBuilder sb = new StringBuilder();
    if (r.nextBoolean()) {
      sb.append(indent).append("kind: ").append(r.nextInt(4) == 0 ? quoted(regex()) : kind()).append('\n');
    }
    if (r.nextBoolean()) {
      sb.append(indent).append("name: ").append(r.nextInt(3) == 0 ? quoted(regex()) : name()).append('\n');
    }
    if (r.nextInt(4) == 0) {
      sb.append(indent).append("namespace: ").append(quoted(regex())).append('\n');
    }
    if (r.nextInt(5) == 0) {
      sb.append(indent).append("labelSelector: ")
          .append(quoted(pick("app=x", "app in (a,b)", "!x", "a=b=c", "x notin ()", "=="))).append('\n');
    }
    if (sb.length() == 0) {
      sb.append(indent).append("group: apps\n");
    }
    return sb.toString();
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private String regex() {
    return REGEXES[r.nextInt(REGEXES.length)];
  }

  private String manifest() {
    // Huge inputs are rare: each costs a second, and HostileInputTest covers them one by one.
    boolean huge = r.nextInt(3000) == 0;
    int c = r.nextInt(12);
    if (c == 0) {
      int depth = 1 + r.nextInt(huge ? 2000 : 8);
      return "{kind: List, items: [".repeat(depth) + "{apiVersion: v1, kind: ConfigMap, metadata: {name: "
          + name() + "}}" + "]}".repeat(depth) + "\n";
    }
    if (c == 1) {
      return "a: &a [\"x\", \"x\"]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n";
    }
    if (c == 2) {
      StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n");
      int n = 1 + r.nextInt(huge ? 3000 : 20);
      sb.append("  k0: &a0 {x0: \"0\"}\n");
      for (int i = 1; i < n; i++) {
        sb.append("  k").append(i).append(": &a").append(i).append(" {<<: *a").append(i - 1)
            .append(", x").append(i).append(": \"v\"}\n");
      }
      return sb.toString();
    }
    if (c == 3) {
      return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: \""
          + "y".repeat(r.nextInt(huge ? 200_000 : 2000)) + "\"\n";
    }
    if (c == 4) {
      return "[".repeat(r.nextInt(huge ? 20_000 : 50)) + "\n";
    }
    if (c == 5) {
      return "- op: add\n  path: /data/x\n  value: y\n";
    }
    if (c == 6) {
      return "# kustomize-lint:disable=" + pick("orphan-manifest", "nope", "missing-file")
          + "\n" + object() + "---\n" + object();
    }
    StringBuilder sb = new StringBuilder();
    int docs = 1 + r.nextInt(3);
    for (int i = 0; i < docs; i++) {
      if (i > 0) {
        sb.append(pick("---\n", "--- \n", "...\n---\n"));
      }
      sb.append(object());
    }
    return sb.toString();
  }

  private String object() {
    String kind = kind();
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: ").append(pick("v1", "apps/v1", "example.com/v1", "builtin",
        "apiextensions.k8s.io/v1", "")).append('\n');
    sb.append("kind: ").append(kind).append('\n');
    if (r.nextInt(10) > 0) {
      sb.append("metadata:\n  name: ").append(name()).append('\n');
      if (r.nextBoolean()) {
        sb.append("  namespace: ").append(pick("default", "prod", "\"\"", "x")).append('\n');
      }
      if (r.nextInt(3) == 0) {
        sb.append("  labels:\n    app: ").append(scalar()).append('\n');
      }
      if (r.nextInt(8) == 0) {
        sb.append("  name: dup\n");
      }
    }
    if (kind.endsWith("List")) {
      sb.append("items:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: ").append(name()).append('\n');
    }
    if (r.nextInt(4) == 0) {
      sb.append("spec:\n  replicas: ").append(scalar()).append('\n');
    }
    if (kind.equals("PatchTransformer")) {
      sb.append("target:\n").append(target("  ")).append("patch: '[{\"op\": \"add\", \"path\": \"/x\", \"value\": 1}]'\n");
    }
    return sb.toString();
  }

  private String kind() {
    return KINDS[r.nextInt(KINDS.length)];
  }

  private String name() {
    return pick("app", "x", "m", "controller-manager", "p-app", "app-s", "\"\"", "dup",
        "a".repeat(1 + r.nextInt(70)));
  }

  private String scalar() {
    return pick("x", "p-", "-s", "prod", "1", "true", "null", "\"\"", "'a: b'", "\"\\t\"",
        "\"\\uD800\"", "\"\\0\"", "{a: 1}", "[x]", "\"" + "z".repeat(r.nextInt(300)) + "\"");
  }

  private String pick(String... options) {
    return options[r.nextInt(options.length)];
  }
}
