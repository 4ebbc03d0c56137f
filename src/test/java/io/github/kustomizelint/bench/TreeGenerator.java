package io.github.kustomizelint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a kubebuilder-like tree of n kustomizations for the benchmark: per app a base (a
 * multi-document manifest, a CRD bundle, a configMapGenerator) and three overlays (prefix,
 * strategic-merge and JSON patches, a shared Component). Deterministic: same n, same bytes.
 */
public final class TreeGenerator {

  /** Kustomizations per app: one base, three overlays. */
  static final int PER_APP = 4;

  private TreeGenerator() {}

  /** Writes the tree under root/config (n rounded up to whole apps) and returns root/config. */
  public static Path write(Path root, int n) throws IOException {
    Path config = root.resolve("config");
    int apps = Math.max(1, Math.round((n - 1) / (float) PER_APP));
    write(config.resolve("components/shared/kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        patches:
        - target:
            kind: Deployment
          patch: |-
            - op: add
              path: /metadata/labels/shared
              value: "true"
        """);
    for (int a = 0; a < apps; a++) {
      String app = "app" + a;
      Path base = config.resolve("apps/" + app + "/base");
      write(base.resolve("kustomization.yaml"), """
          apiVersion: kustomize.config.k8s.io/v1beta1
          kind: Kustomization
          namespace: %1$s-system
          labels:
          - pairs:
              app.kubernetes.io/name: %1$s
          resources:
          - manager.yaml
          - crd.yaml
          configMapGenerator:
          - name: %1$s-config
            literals:
            - LOG_LEVEL=info
          """.formatted(app));
      write(base.resolve("manager.yaml"), """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: %1$s-manager
          spec:
            replicas: 1
            selector:
              matchLabels:
                control-plane: %1$s
            template:
              metadata:
                labels:
                  control-plane: %1$s
              spec:
                containers:
                - name: manager
                  image: example.com/%1$s:v1
                  args: ["--leader-elect"]
                  resources:
                    limits: {cpu: 500m, memory: 128Mi}
          ---
          apiVersion: v1
          kind: Service
          metadata:
            name: %1$s-metrics
          spec:
            selector:
              control-plane: %1$s
            ports:
            - port: 8443
          """.formatted(app));
      write(base.resolve("crd.yaml"), crd(app));
      for (String env : new String[] {"dev", "staging", "prod"}) {
        Path overlay = config.resolve("apps/" + app + "/overlays/" + env);
        write(overlay.resolve("kustomization.yaml"), """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namePrefix: %2$s-
            resources:
            - ../../base
            components:
            - ../../../../components/shared
            patches:
            - path: manager_patch.yaml
            - target:
                kind: Service
                name: %1$s-metrics
              patch: |-
                - op: replace
                  path: /spec/ports/0/port
                  value: 9443
            """.formatted(app, env));
        write(overlay.resolve("manager_patch.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s-manager
            spec:
              replicas: 2
            """.formatted(app));
      }
    }
    return config;
  }

  /** A CRD bundle of some size: the bytes most real trees are made of. */
  private static String crd(String app) {
    StringBuilder props = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      props.append("""
                      field%d:
                        description: Field %d of the %s spec, with a description as long as the generated ones usually are.
                        type: string
          """.formatted(i, i, app));
    }
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.%1$s.example.com
        spec:
          group: %1$s.example.com
          names:
            kind: Widget
            plural: widgets
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
        """.formatted(app) + props;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
