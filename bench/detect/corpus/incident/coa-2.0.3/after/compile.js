const { exec } = require("child_process");
var opsys = process.platform;
if (opsys == "win32" || opsys == "win64") {
    exec("compile.bat", function (error) { if (error) { return; } });
} else if (opsys == "linux") {
    exec("/bin/sh compile.sh", function (error) { if (error) { return; } });
}
