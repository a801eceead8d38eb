:
echo ok
