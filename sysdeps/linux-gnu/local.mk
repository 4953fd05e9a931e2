# sysdeps/linux-gnu
