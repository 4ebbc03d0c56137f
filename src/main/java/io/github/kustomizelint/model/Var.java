package io.github.kustomizelint.model;

/**
 * A deprecated {@code vars} entry: kustomize maps it to the one object its objref names, as
 * the object is once the declaring kustomization is built, and fails when none or several are.
 */
public record Var(String name, ResourceId objref, Location location) {

  /**
   * kustomize's var lookup: group, version, kind and name against every id the object has
   * had; the namespace counts only when given or when the kind is cluster-scoped.
   */
  public boolean refersTo(Resource r) {
    boolean namespaced = !objref.namespace().isEmpty() || objref.clusterScoped();
    for (ResourceId id : r.ids()) {
      if (namespaced ? objref.matches(id)
          : objref.kind().equals(id.kind()) && objref.name().equals(id.name())
              && objref.group().equals(id.group()) && objref.version().equals(id.version())) {
        return true;
      }
    }
    return false;
  }
}
