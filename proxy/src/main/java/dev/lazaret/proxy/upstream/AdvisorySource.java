package dev.lazaret.proxy.upstream;

import java.util.Collection;
import java.util.List;

/** Where advisories for a package come from: the upstream's bulk endpoint, or a test stand-in. */
@FunctionalInterface
public interface AdvisorySource {

  /** The advisories the service lists for {@code packageName}, asked about {@code versions}. */
  List<Advisory> advisories(String packageName, Collection<String> versions)
      throws UpstreamException;
}
