package io.github.kustomizelint.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files outside the project, named by every kind of entry (relative, absolute, deprecated
 * forms) and reached through symlinks (to files, directories, kustomization files, and through
 * a link to a link), are never opened and never quoted. The open calls are watched with
 * strace (the test reports itself skipped without it); quoting is checked in process.
 */
class OutsideProjectTest {

  private static final String MARK = "SECRET-OUTSIDE-9d2c";

  @TempDir
  Path work;

  private Path write(String rel, String text) throws IOException {
    Path p = work.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** A project whose config names files outside it in every field kustomize loads from. */
  private Path tree() throws IOException {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + MARK.toLowerCase()
        + "\n# kustomize-lint:disable-file=" + MARK + "\n";
    write("outside/secret.yaml", cm);
    write("outside/crd.yaml", "definitions:\n  " + MARK + ": {}\n");
    write("outside/transformer.yaml", "apiVersion: example.com/v1\nkind: " + MARK + "\n");
    write("outside/replacements.yaml", "- source:\n    kind: " + MARK + "\n");
    write("outside/env.txt", MARK + "=1\n");
    write("outside/base/kustomization.yaml", "resources:\n- secret.yaml\nnamePrefix: " + MARK + "\n");
    write("outside/base/secret.yaml", cm);
    write("outside/component/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\n"
        + "kind: Component\nnamePrefix: " + MARK + "\n");
    write("outside/linked/kustomization.yaml", "resources:\n- ../secret.yaml\n");
    String out = "../../../outside/";
    write("project/config/app/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
    write("project/config/app/kustomization.yaml", String.join("\n",
        "resources:", "- configmap.yaml", "- " + out + "secret.yaml", "- " + out + "base",
        "- link.yaml", "- ../linked-dir",
        "components:", "- " + out + "component",
        "crds:", "- " + out + "crd.yaml", "- crd-link.yaml",
        "configurations:", "- " + out + "crd.yaml",
        "transformers:", "- " + out + "transformer.yaml",
        "generators:", "- " + out + "transformer.yaml",
        "validators:", "- " + out + "transformer.yaml",
        "openapi:", "  path: " + out + "crd.yaml",
        "replacements:", "- path: " + out + "replacements.yaml",
        "patches:", "- path: " + out + "secret.yaml", "- path: link.yaml",
        "patchesStrategicMerge:", "- " + out + "secret.yaml",
        "configMapGenerator:", "- name: g", "  envs:", "  - " + out + "env.txt",
        "  files:", "  - " + out + "env.txt", ""));
    // The same fields by absolute path, the deprecated forms, and every field through a symlink.
    String abs = work.resolve("outside").toAbsolutePath() + "/";
    write("project/config/abs/kustomization.yaml", String.join("\n",
        "resources:", "- " + abs + "secret.yaml", "bases:", "- " + out + "base",
        "components:", "- component-link",
        "crds:", "- " + abs + "crd.yaml",
        "configurations:", "- " + abs + "crd.yaml", "- configuration-link.yaml",
        "transformers:", "- " + abs + "transformer.yaml", "- transformer-link.yaml",
        "generators:", "- " + abs + "transformer.yaml", "- " + out + "base",
        "validators:", "- " + abs + "transformer.yaml",
        "openapi:", "  path: openapi-link.yaml",
        "replacements:", "- path: " + abs + "replacements.yaml", "- path: replacements-link.yaml",
        "patches:", "- path: " + abs + "secret.yaml", "- path: chain-link.yaml",
        "patchesJson6902:", "- path: " + out + "secret.yaml", "  target:", "    kind: ConfigMap",
        "    name: app",
        "secretGenerator:", "- name: s", "  envs:", "  - " + abs + "env.txt", "  - env-link.txt",
        "  files:", "  - " + abs + "env.txt",
        "configMapGenerator:", "- name: c", "  env: " + abs + "env.txt", ""));
    for (String[] link : new String[][] {{"component-link", "component"},
        {"configuration-link.yaml", "crd.yaml"}, {"transformer-link.yaml", "transformer.yaml"},
        {"openapi-link.yaml", "crd.yaml"}, {"replacements-link.yaml", "replacements.yaml"},
        {"env-link.txt", "env.txt"}, {"middle-link.yaml", "secret.yaml"}}) {
      Files.createSymbolicLink(work.resolve("project/config/abs/" + link[0]), work.resolve("outside/" + link[1]));
    }
    // a link to a link to a file outside
    Files.createSymbolicLink(work.resolve("project/config/abs/chain-link.yaml"), Path.of("middle-link.yaml"));
    Files.createSymbolicLink(work.resolve("project/config/app/link.yaml"), work.resolve("outside/secret.yaml"));
    Files.createSymbolicLink(work.resolve("project/config/app/crd-link.yaml"), work.resolve("outside/crd.yaml"));
    Files.createSymbolicLink(work.resolve("project/config/linked-dir"), work.resolve("outside/base"));
    Files.createDirectories(work.resolve("project/config/linked-file"));
    Files.createSymbolicLink(work.resolve("project/config/linked-file/kustomization.yaml"),
        work.resolve("outside/linked/kustomization.yaml"));
    return work.resolve("project");
  }

  private static List<Finding> lint(Path project, String restrictor) {
    return new Linter(LintOptions.of(project.resolve("config"), project)
        .withLoadRestrictor(restrictor)).run().findings();
  }

  @Test
  void nothingOutsideTheProjectIsQuoted() throws IOException {
    Path project = tree();
    for (String restrictor : List.of("LoadRestrictionsRootOnly", "LoadRestrictionsNone")) {
      List<Finding> findings = lint(project, restrictor);
      assertTrue(!findings.isEmpty());
      for (Finding f : findings) {
        assertTrue(!f.toString().toUpperCase().contains(MARK), restrictor + ": " + f);
      }
    }
  }

  /** Lints the project given as args[0] under each load restrictor, for the strace run. */
  public static void main(String[] args) {
    Path project = Path.of(args[0]);
    for (String restrictor : List.of("LoadRestrictionsRootOnly", "LoadRestrictionsNone")) {
      System.out.println(restrictor + ": " + lint(project, restrictor).size() + " findings");
    }
  }

  @Test
  void noFileOutsideTheProjectIsOpened() throws Exception {
    Path project = tree();
    Path trace = work.resolve("trace.txt");
    List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-e",
        "trace=open,openat,openat2,creat", "-o", trace.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OutsideProjectTest.class.getName(),
        project.toString()));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(work.resolve("out.txt").toFile()).start();
    } catch (IOException e) {
      assumeTrue(false, "strace is not available: " + e.getMessage());
      return;
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the traced lint did not finish");
    String output = Files.readString(work.resolve("out.txt"));
    assumeTrue(p.exitValue() == 0 || !output.contains("findings") && output.contains("ptrace"),
        "strace cannot trace here: " + output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("LoadRestrictionsNone: "), output);
    String outside = work.resolve("outside").toRealPath().toString();
    List<String> opened = Files.readAllLines(trace).stream()
        .filter(l -> l.contains("\"" + outside + "/") || l.contains("outside/")).toList();
    assertEquals(List.of(), opened, "files outside the project were opened");
    for (String own : List.of("app/configmap.yaml", "abs/kustomization.yaml")) {
      assertTrue(Files.readAllLines(trace).stream().anyMatch(l -> l.contains(own)),
          "the trace does not show the project's own " + own + " being opened");
    }
  }
}
