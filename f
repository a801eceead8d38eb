l1
l2
