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

/**
 * The up-to-date skip ends with any change a run could see, and survives a bare touch; an
 * edit made while a run reads the tree is never recorded as seen.
 */
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
    ageAll();
  }

  // As files are when a build starts: written a while ago (fresh ones are compared by content).
  private void ageAll() throws IOException {
    try (var files = Files.walk(project)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
      }
    }
  }

  private UpToDate checkedOnce(String parameters) throws IOException {
    return checkedOnce(parameters, () -> {});
  }

  /** One recorded run, with duringTheRun done after the run took its snapshot. */
  private UpToDate checkedOnce(String parameters, Edit duringTheRun) throws IOException {
    UpToDate u = new UpToDate(project.resolve("target/kustomize-lint"), config, parameters);
    UpToDate.Snapshot before = u.snapshot();
    duringTheRun.run();
    Linter linter = new Linter(LintOptions.of(config, project));
    linter.run();
    u.record(before, linter.filesRead());
    return u;
  }

  interface Edit {
    void run() throws IOException;
  }

  @Test
  void anEditWhileTheRunReadsIsSeenByTheNextRun() throws IOException {
    Path deployment = config.resolve("deployment.yaml");
    UpToDate u = checkedOnce("p", () -> write(deployment,
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: new\n"));
    assertFalse(u.upToDate(), "edited during the run: not recorded");
    u = checkedOnce("p");
    assertTrue(u.upToDate(), "the run after it records");
  }

  @Test
  void aFreshFileEditedWithinOneTimestampTickIsNotRecorded() throws IOException {
    Path deployment = config.resolve("deployment.yaml");
    write(deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: one\n");
    FileTime tick = Files.getLastModifiedTime(deployment);
    // Same size, same time: only the bytes tell (a coarse file-system clock).
    UpToDate u = checkedOnce("p", () -> {
      write(deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: two\n");
      Files.setLastModifiedTime(deployment, tick);
    });
    assertFalse(u.upToDate(), "not recorded");
    u = checkedOnce("p");
    assertTrue(u.upToDate(), "recorded once the tree held still");
    write(deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: six\n");
    Files.setLastModifiedTime(deployment, tick);
    assertFalse(u.upToDate(), "a fresh entry is compared by content");
  }

  @Test
  void aFileAddedOrAnOutsideFileEditedDuringTheRunIsNotRecorded() throws IOException {
    UpToDate u = checkedOnce("p", () -> write(config.resolve("new.yaml"), "kind: ConfigMap\n"));
    assertFalse(u.upToDate(), "a file that appeared during the run");
    u = checkedOnce("p", () -> write(project.resolve("shared/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: edited\n"));
    assertFalse(u.upToDate(), "a base outside the tree edited during the run");
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
    ageAll();
    u = checkedOnce("p");
    assertTrue(u.upToDate(), "recorded again");
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
