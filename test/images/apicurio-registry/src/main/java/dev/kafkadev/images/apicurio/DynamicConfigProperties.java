package dev.kafkadev.images.apicurio;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import java.util.List;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;

/**
 * Stands in for Apicurio's config-index Quarkus extension, whose deployment module is not on
 * Maven Central: that extension lists the settings an admin may change at run time. The
 * stand-in offers none, so every setting keeps the value its configuration gives it.
 */
@ApplicationScoped
public class DynamicConfigProperties {
  @Produces
  @ApplicationScoped
  DynamicConfigPropertyList none() {
    return new DynamicConfigPropertyList(List.of());
  }
}
