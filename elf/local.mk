# elf
