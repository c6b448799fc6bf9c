#include <napi.h>
#include <string>
#include "database.h"

namespace node_sqlite3 {

Napi::Value Database::Method0(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 0);
}

Napi::Value Database::Method1(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 1);
}

Napi::Value Database::Method2(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 2);
}

Napi::Value Database::Method3(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 3);
}

Napi::Value Database::Method4(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 4);
}

Napi::Value Database::Method5(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 5);
}

Napi::Value Database::Method6(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 6);
}

Napi::Value Database::Method7(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 7);
}

Napi::Value Database::Method8(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 8);
}

Napi::Value Database::Method9(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 9);
}

Napi::Value Database::Method10(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 10);
}

Napi::Value Database::Method11(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 11);
}

Napi::Value Database::Method12(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 12);
}

Napi::Value Database::Method13(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 13);
}

Napi::Value Database::Method14(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 14);
}

Napi::Value Database::Method15(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 15);
}

Napi::Value Database::Method16(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 16);
}

Napi::Value Database::Method17(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 17);
}

Napi::Value Database::Method18(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 18);
}

Napi::Value Database::Method19(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 19);
}

Napi::Value Database::Method20(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 20);
}

Napi::Value Database::Method21(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 21);
}

Napi::Value Database::Method22(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 22);
}

Napi::Value Database::Method23(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 23);
}

Napi::Value Database::Method24(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 24);
}

Napi::Value Database::Method25(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 25);
}

Napi::Value Database::Method26(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 26);
}

Napi::Value Database::Method27(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 27);
}

Napi::Value Database::Method28(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 28);
}

Napi::Value Database::Method29(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 29);
}

}  // namespace node_sqlite3
