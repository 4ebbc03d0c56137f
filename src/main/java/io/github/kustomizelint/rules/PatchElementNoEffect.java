package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.report.Severity;

/** A strategic-merge list element kustomize drops, or a delete that deletes nothing. */
public final class PatchElementNoEffect extends ProblemRule {

  public PatchElementNoEffect() {
    super(Problem.Kind.PATCH_ELEMENT_NO_EFFECT, "patch-element-no-effect", Severity.WARNING,
        false,
        "A strategic-merge patch's list element that kustomize drops, or whose $patch: delete"
            + " deletes nothing.",
        "kustomize merges lists with merge keys (container ports on containerPort and"
        + " protocol, Service ports on port and protocol, env and containers on name) without"
        + " a word when an element matches nothing it can merge into: once any element of the"
        + " list has a protocol, a patch port without one never finds its port, so its merge"
        + " and its $patch: delete do nothing; a patch port with a protocol beside a target"
        + " port without one is dropped; a $patch: delete whose element the target does not"
        + " have deletes nothing. Write the target's merge keys in the patch element (add"
        + " protocol: TCP), or remove the element. Found by rendering the object as kustomize"
        + " does; where the renderer does not model something before the patch, the rule"
        + " stays silent.");
  }
}
