package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kustomize's --load-restrictor: files outside a kustomization's directory. */
class LoadRestrictorTest {

  @TempDir
  Path project;

  private List<String> lint(String restrictor) throws IOException {
    Path config = project.resolve("config");
    Files.createDirectories(config.resolve("shared"));
    Files.createDirectories(config.resolve("app"));
    Files.writeString(config.resolve("shared/deployment.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    Files.writeString(config.resolve("app/kustomization.yaml"),
        "resources:\n- ../shared/deployment.yaml\npatches:\n- path: replicas.yaml\n");
    Files.writeString(config.resolve("app/replicas.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n");
    return new Linter(LintOptions.of(config, project).withLoadRestrictor(restrictor)).run()
        .findings().stream().map(Finding::toString).toList();
  }

  @Test
  void rootOnlyRefusesTheFileAndDoesNotGuessAboutThePatch() throws IOException {
    // kubectl kustomize: security; file '.../shared/deployment.yaml' is not in or below '.../app'
    List<String> findings = lint("LoadRestrictionsRootOnly");
    assertEquals(2, findings.size(), findings.toString());
    assertEquals(true, findings.get(0).startsWith(
        "config/app/kustomization.yaml:2:3: error [outside-root] resource file"));
    assertEquals(true, findings.get(1).contains("note [patch-unverifiable]"));
  }

  @Test
  void noneReadsTheFileAndChecksThePatch() throws IOException {
    // kubectl kustomize --load-restrictor LoadRestrictionsNone builds it with replicas: 2.
    assertEquals(List.of(), lint("LoadRestrictionsNone"));
  }

  @Test
  void anotherValueIsRefusedNamingTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LintOptions.of(project, project).withLoadRestrictor("open"));
    assertEquals(true, e.getMessage().contains("LoadRestrictionsNone"));
  }
}
