package dev.lazaret.proxy.admin;

/** Reads the {@code limit} query parameter of a listing. */
final class Limits {

  private Limits() {
  }

  /**
   * The {@code limit} parameter, {@code fallback} if absent.
   *
   * @throws ApiException 400 unless it is a whole number from 1 to {@code max}
   */
  static int of(AdminRequest request, int fallback, int max) {
    String text = request.param("limit");
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw ApiException.badRequest("limit must be a whole number from 1 to " + max);
  }
}
