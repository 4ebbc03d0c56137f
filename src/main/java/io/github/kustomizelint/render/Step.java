package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.List;

/**
 * One kustomize transformer, shaped like its filter under kustomize's api/filters: it reads
 * its settings from the kustomization and returns the changed objects (or throws
 * {@link io.github.kustomizelint.content.Unmodelled} for a case it does not cover).
 */
interface Step {

  /** The kustomization fields this step consumes; any other field is unmodelled. */
  List<String> fields();

  List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects);
}
