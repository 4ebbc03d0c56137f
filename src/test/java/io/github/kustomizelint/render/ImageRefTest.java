package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** kustomize's image.Split and updater, on the cases its own tests and kubectl show. */
class ImageRefTest {

  @Test
  void registryPortIsNotATag() {
    assertArrayEquals(new String[] {"my.reg:5000/tool", "v1", ""},
        ImageRef.split("my.reg:5000/tool:v1"));
  }

  @Test
  void tagAndDigestAreBothKept() {
    assertArrayEquals(new String[] {"gcr.io/app", "v1", "sha256:fff"},
        ImageRef.split("gcr.io/app:v1@sha256:fff"));
  }

  @Test
  void digestReplacesTagAndDigest() {
    ImageRef r = ImageRef.of("gcr.io/app", "registry.local/app", "", "sha256:abc", "");
    assertEquals("registry.local/app@sha256:abc", r.update("gcr.io/app:v1@sha256:fff"));
  }

  @Test
  void nameMustMatchUpToTheTag() {
    ImageRef r = ImageRef.of("nginx", "", "2", "", "");
    assertNull(r.update("nginxx:1"));
    assertNull(r.update("docker.io/nginx:1"));
    assertEquals("nginx:2", r.update("nginx"));
  }
}
