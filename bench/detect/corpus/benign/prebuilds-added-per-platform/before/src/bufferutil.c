#define NAPI_VERSION 1
#include <node_api.h>

napi_value Mask(napi_env env, napi_callback_info info) {
  /* XOR the payload with the mask, four bytes at a time */
  return NULL;
}

NAPI_MODULE_INIT() {
  return exports;
}
