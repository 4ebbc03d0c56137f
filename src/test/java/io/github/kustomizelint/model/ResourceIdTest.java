package io.github.kustomizelint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** kustomize's id equality, as the conformance cases recorded it. */
class ResourceIdTest {

  @Test
  void unsetNamespaceEqualsDefaultButNotAnother() {
    ResourceId unset = ResourceId.of("apps/v1", "Deployment", "app", null);
    assertTrue(unset.matches(ResourceId.of("apps/v1", "Deployment", "app", "default")));
    assertFalse(unset.matches(ResourceId.of("apps/v1", "Deployment", "app", "n1")));
  }

  @Test
  void groupVersionAndKindMustBeExact() {
    ResourceId v1 = ResourceId.of("apps/v1", "Deployment", "app", null);
    assertFalse(v1.matches(ResourceId.of("apps/v1beta1", "Deployment", "app", null)));
    assertFalse(v1.matches(ResourceId.of("apps/v1", "DaemonSet", "app", null)));
  }

  @Test
  void clusterScopeComesFromKustomizesTableByApiVersionAndKind() {
    assertTrue(ResourceId.of("rbac.authorization.k8s.io/v1", "ClusterRole", "r", null).clusterScoped());
    assertTrue(ResourceId.of("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "c", null)
        .clusterScoped());
    // Not in the table, so namespaced, as kustomize v5.5 treats them.
    assertFalse(ResourceId.of("rbac.authorization.k8s.io/v1alpha1", "ClusterRole", "r", null)
        .clusterScoped());
    assertFalse(ResourceId.of("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", "p",
        null).clusterScoped());
    assertFalse(ResourceId.of("example.com/v1", "ClusterWidget", "w", null).clusterScoped());
  }

  @Test
  void namespacesOfClusterScopedObjectsAreIgnored() {
    ResourceId role = ResourceId.of("rbac.authorization.k8s.io/v1", "ClusterRole", "r", null);
    assertTrue(role.matches(ResourceId.of("rbac.authorization.k8s.io/v1", "ClusterRole", "r", "x")));
  }

  @Test
  void printsLikeKustomize() {
    assertEquals("PodDisruptionBudget.v1.policy/pdb.system",
        ResourceId.of("policy/v1", "PodDisruptionBudget", "pdb", "system").toString());
    assertEquals("Namespace.v1.[noGrp]/kserve.[noNs]",
        ResourceId.of("v1", "Namespace", "kserve", null).toString());
  }
}
