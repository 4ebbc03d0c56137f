package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date skip ends with any change a run could see, and survives a bare touch. */
class UpToDateTest {

  @TempDir Path project;
  private Path config;

  @BeforeEach
  void tree() throws IOException {
    config = project.resolve("config");
    write(project.resolve("shared/kustomization.yaml"), "resources:\n- cm.yaml\n");
    write(project.resolve("shared/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n");
    write(config.resolve("kustomization.yaml"),
        "resources:\n- deployment.yaml\n- ../shared\n");
    write(config.resolve("deployment.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n");
  }

  private UpToDate checkedOnce(String parameters) throws IOException {
    UpToDate u = new UpToDate(project.resolve("target/kustomize-lint"), config, parameters);
    UpToDate.Snapshot before = u.snapshot();
    Linter linter = new Linter(LintOptions.of(config, project));
    linter.run();
    u.record(before, linter.filesRead());
    return u;
  }

  @Test
  void editingOneFileEndsTheSkip() throws IOException {
    UpToDate u = checkedOnce("p");
    assertTrue(u.upToDate(), "nothing changed");
    write(config.resolve("deployment.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\n");
    assertFalse(u.upToDate(), "an edited manifest");
  }

  @Test
  void touchingWithoutChangeKeepsTheSkip() throws IOException {
    UpToDate u = checkedOnce("p");
    Files.setLastModifiedTime(config.resolve("deployment.yaml"),
        FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertTrue(u.upToDate(), "same bytes, new time");
  }

  @Test
  void addedOrRemovedFilesEndTheSkip() throws IOException {
    UpToDate u = checkedOnce("p");
    write(config.resolve("unlisted.yaml"), "kind: ConfigMap\n");
    assertFalse(u.upToDate(), "a new unlisted file (orphan-manifest could fire)");
    Files.delete(config.resolve("unlisted.yaml"));
    assertTrue(u.upToDate(), "back as it was");
    Files.delete(config.resolve("deployment.yaml"));
    assertFalse(u.upToDate(), "a listed file gone");
  }

  @Test
  void filesReadFromOutsideTheTreeCount() throws IOException {
    UpToDate u = checkedOnce("p");
    write(project.resolve("shared/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: renamed\n");
    assertFalse(u.upToDate(), "an edited file of a base outside the tree");
    u = checkedOnce("p");
    write(project.resolve("shared/kustomization.yml"), "resources: []\n");
    assertFalse(u.upToDate(), "a new file beside the outside base");
  }

  @Test
  void otherParametersOrAForgottenRunAreNotUpToDate() throws IOException {
    UpToDate u = checkedOnce("p");
    assertFalse(new UpToDate(project.resolve("target/kustomize-lint"), config, "q").upToDate());
    u.forget();
    assertFalse(u.upToDate());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
