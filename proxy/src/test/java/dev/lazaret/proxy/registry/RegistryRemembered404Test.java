package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name the upstream does not have is answered from memory afterwards, failing with the
 * registry's own NotFound: no CompletionException (and its stack trace) per warm 404.
 */
class RegistryRemembered404Test {

  /** An upstream that has no packages at all, counting the packuments asked for. */
  private static final class EmptyUpstream implements Upstream {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:1/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified) {
      asked.incrementAndGet();
      return new PackumentResponse.NotFound();
    }

    @Override
    public TarballResponse tarball(String url) throws UpstreamException {
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, "no tarballs here");
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) throws UpstreamException {
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, "no relay here");
    }

    @Override
    public void close() {}
  }

  @TempDir Path dir;
  private Storage storage;
  private Registry registry;
  private final EmptyUpstream upstream = new EmptyUpstream();

  @BeforeEach
  void start() {
    storage = Storage.open(StorageOptions.defaults(dir.resolve("store")));
    registry = new Registry(storage.packuments(), storage.removedVersions(), storage.tarballs(),
        UpstreamRouter.single(new NamedUpstream("default", upstream)), Policy.allowAll(),
        Clock.systemUTC(), Duration.ofMinutes(5), 16 << 20, () -> 0,
        storage.records("absent"));
  }

  @AfterEach
  void stop() {
    registry.close();
    storage.close();
  }

  @Test
  void aRemembered404FailsAtOnceWithTheRegistrysOwnException() {
    PackageName name = PackageName.parse("no-such-package");
    CompletableFuture<Served> first = registry.packument(name, true, "http://127.0.0.1/");
    assertThat(Registry.cause(first.handle((s, e) -> e).join()))
        .isInstanceOf(RegistryException.NotFound.class);

    CompletableFuture<Served> packument = registry.packument(name, true, "http://127.0.0.1/");
    CompletableFuture<Served> version = registry.version(name, "1.0.0", "http://127.0.0.1/");

    assertThat(upstream.asked).as("asked the upstream once").hasValue(1);
    for (CompletableFuture<Served> again : java.util.List.of(packument, version)) {
      assertThat(again.state()).isEqualTo(Future.State.FAILED);
      // handle() sees the exception as stored: not wrapped in a CompletionException.
      assertThat(again.handle((s, e) -> e).join())
          .isInstanceOf(RegistryException.NotFound.class);
    }
  }
}
