package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A replicas entry that names no workload. */
public final class ReplicasTargetMissing extends ProblemRule {

  public ReplicasTargetMissing() {
    super(Problem.Kind.REPLICAS_TARGET_MISSING, "replicas-target-missing",
        "A replicas entry names no Deployment, StatefulSet, ReplicaSet or ReplicationController.",
        "kustomize sets the count on the workload whose name (current or earlier) the entry"
        + " gives; with none it fails ('does not match a config with the following GVK'). Use"
        + " the name the base gives the workload.");
  }
}
