package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.admin.AdminEndpoint;
import dev.lazaret.proxy.admin.AdminResponse;
import dev.lazaret.proxy.admin.AdminRoutes;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {

  private final AdminEndpoint metrics = r -> AdminResponse.error(200, "metrics");
  private final AdminEndpoint holds = r -> AdminResponse.error(200, "holds");
  private final AdminEndpoint hold = r -> AdminResponse.error(200, "hold");
  private final AdminEndpoint approve = r -> AdminResponse.error(200, "approve");
  private final AdminRoutes routes = new AdminRoutes()
      .get("/metrics", metrics)
      .get("/api/holds", holds)
      .addPrefix("GET", "/api/holds/", hold)
      .addPrefix("POST", "/api/holds/", approve);

  @Test
  void exactRoutesMatchOnlyTheirPath() {
    assertThat(routes.find("GET", "/metrics")).containsSame(metrics);
    assertThat(routes.find("GET", "/metrics/x")).isEmpty();
    assertThat(routes.find("GET", "/api/holds")).containsSame(holds);
  }

  @Test
  void prefixRoutesMatchByMethod() {
    assertThat(routes.find("GET", "/api/holds/left-pad/1.0.0")).containsSame(hold);
    assertThat(routes.find("POST", "/api/holds/left-pad/1.0.0/approve")).containsSame(approve);
  }

  @Test
  void headIsServedByGet() {
    assertThat(routes.find("HEAD", "/metrics")).containsSame(metrics);
  }

  @Test
  void wrongMethodIsTellableFromUnknownPath() {
    assertThat(routes.find("DELETE", "/metrics")).isEmpty();
    assertThat(routes.knows("/metrics")).isTrue();
    assertThat(routes.knows("/nothing")).isFalse();
  }
}
