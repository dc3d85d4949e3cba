package org.redditclone.engine.rmi;

import java.rmi.Remote;
import java.util.Objects;

/**
 * A service object and the registry name it is bound under.
 *
 * @param name the binding name, one of {@link org.redditclone.api.Bindings#ALL}
 * @param service the object to export
 */
public record ServiceBinding(String name, Remote service) {

  public ServiceBinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
  }
}
