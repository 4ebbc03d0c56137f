package io.github.kustomizelint.model;

import java.util.Set;

/**
 * Which objects kustomize v5.5 treats as cluster-scoped: its built-in schema table, keyed by
 * exact apiVersion and kind. Anything else (custom kinds, ValidatingAdmissionPolicy, rbac
 * v1alpha1) is namespaced, as kustomize's own namespace transformer and id matching treat it.
 */
final class Scope {

  private static final Set<String> CLUSTER_SCOPED = Set.of(
      "admissionregistration.k8s.io/v1/MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration",
      "apiextensions.k8s.io/v1/CustomResourceDefinition",
      "apiextensions.k8s.io/v1beta1/CustomResourceDefinition",
      "apiregistration.k8s.io/v1/APIService",
      "apiregistration.k8s.io/v1beta1/APIService",
      "certificates.k8s.io/v1/CertificateSigningRequest",
      "certificates.k8s.io/v1beta1/CertificateSigningRequest",
      "flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration",
      "networking.k8s.io/v1/IngressClass",
      "networking.k8s.io/v1beta1/IngressClass",
      "node.k8s.io/v1/RuntimeClass",
      "node.k8s.io/v1beta1/RuntimeClass",
      "policy/v1beta1/PodSecurityPolicy",
      "rbac.authorization.k8s.io/v1/ClusterRole",
      "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
      "rbac.authorization.k8s.io/v1beta1/ClusterRole",
      "rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding",
      "scheduling.k8s.io/v1/PriorityClass",
      "scheduling.k8s.io/v1beta1/PriorityClass",
      "storage.k8s.io/v1/CSIDriver",
      "storage.k8s.io/v1/CSINode",
      "storage.k8s.io/v1/StorageClass",
      "storage.k8s.io/v1/VolumeAttachment",
      "storage.k8s.io/v1beta1/CSIDriver",
      "storage.k8s.io/v1beta1/CSINode",
      "storage.k8s.io/v1beta1/StorageClass",
      "storage.k8s.io/v1beta1/VolumeAttachment",
      "v1/ComponentStatus",
      "v1/Namespace",
      "v1/Node",
      "v1/NodeProxyOptions",
      "v1/PersistentVolume");

  // asked for every id: most kinds are ruled out without building the key
  private static final Set<String> KINDS = CLUSTER_SCOPED.stream()
      .map(k -> k.substring(k.lastIndexOf('/') + 1))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private Scope() {}

  static boolean isClusterScoped(String group, String version, String kind) {
    return KINDS.contains(kind)
        && CLUSTER_SCOPED.contains((group.isEmpty() ? "" : group + "/") + version + "/" + kind);
  }
}
