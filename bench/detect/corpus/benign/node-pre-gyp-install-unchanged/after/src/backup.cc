#include <napi.h>
#include <string>
#include "database.h"

namespace node_sqlite3 {

Napi::Value Backup::Method0(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 0);
}

Napi::Value Backup::Method1(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 1);
}

Napi::Value Backup::Method2(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 2);
}

Napi::Value Backup::Method3(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 3);
}

Napi::Value Backup::Method4(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 4);
}

Napi::Value Backup::Method5(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 5);
}

Napi::Value Backup::Method6(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 6);
}

Napi::Value Backup::Method7(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 7);
}

Napi::Value Backup::Method8(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 8);
}

Napi::Value Backup::Method9(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 9);
}

Napi::Value Backup::Method10(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 10);
}

Napi::Value Backup::Method11(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 11);
}

Napi::Value Backup::Method12(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 12);
}

Napi::Value Backup::Method13(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 13);
}

Napi::Value Backup::Method14(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 14);
}

Napi::Value Backup::Method15(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 15);
}

Napi::Value Backup::Method16(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 16);
}

Napi::Value Backup::Method17(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 17);
}

Napi::Value Backup::Method18(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 18);
}

Napi::Value Backup::Method19(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 19);
}

Napi::Value Backup::Method20(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 20);
}

Napi::Value Backup::Method21(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 21);
}

Napi::Value Backup::Method22(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 22);
}

Napi::Value Backup::Method23(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 23);
}

Napi::Value Backup::Method24(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 24);
}

Napi::Value Backup::Method25(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 25);
}

Napi::Value Backup::Method26(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 26);
}

Napi::Value Backup::Method27(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 27);
}

Napi::Value Backup::Method28(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 28);
}

Napi::Value Backup::Method29(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 29);
}

}  // namespace node_sqlite3
