#include <napi.h>
#include <string>
#include "database.h"

namespace node_sqlite3 {

Napi::Value Statement::Method0(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 0);
}

Napi::Value Statement::Method1(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 1);
}

Napi::Value Statement::Method2(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 2);
}

Napi::Value Statement::Method3(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 3);
}

Napi::Value Statement::Method4(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 4);
}

Napi::Value Statement::Method5(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 5);
}

Napi::Value Statement::Method6(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 6);
}

Napi::Value Statement::Method7(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 7);
}

Napi::Value Statement::Method8(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 8);
}

Napi::Value Statement::Method9(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 9);
}

Napi::Value Statement::Method10(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 10);
}

Napi::Value Statement::Method11(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 11);
}

Napi::Value Statement::Method12(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 12);
}

Napi::Value Statement::Method13(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 13);
}

Napi::Value Statement::Method14(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 14);
}

Napi::Value Statement::Method15(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 15);
}

Napi::Value Statement::Method16(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 16);
}

Napi::Value Statement::Method17(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 17);
}

Napi::Value Statement::Method18(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 18);
}

Napi::Value Statement::Method19(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 19);
}

Napi::Value Statement::Method20(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 20);
}

Napi::Value Statement::Method21(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 21);
}

Napi::Value Statement::Method22(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 22);
}

Napi::Value Statement::Method23(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 23);
}

Napi::Value Statement::Method24(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 24);
}

Napi::Value Statement::Method25(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 25);
}

Napi::Value Statement::Method26(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 26);
}

Napi::Value Statement::Method27(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 27);
}

Napi::Value Statement::Method28(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 28);
}

Napi::Value Statement::Method29(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1) {
    Napi::TypeError::New(env, "Expected an argument").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Number::New(env, 29);
}

}  // namespace node_sqlite3
