package io.github.kustomizelint.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates a SARIF log against the OASIS 2.1.0 schema kept in the test resources, with
 * {@code format} asserted (uri, date-time ...). Used by unit tests and by the invoker ITs'
 * verify scripts (the plugin's test classpath is on theirs).
 */
public final class SarifSchema {

  private SarifSchema() {}

  /** Every violation as {@code instance-path: message}; empty when valid. */
  public static List<String> errors(String json) {
    Schema schema;
    try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      if (in == null) {
        throw new IllegalStateException("sarif-schema-2.1.0.json is not on the test classpath");
      }
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Error> errors = schema.validate(json, InputFormat.JSON,
        ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }
}
