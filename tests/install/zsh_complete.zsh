# Completes a command line in an interactive zsh, as a person pressing Tab would, and prints what
# the line became: zsh -f zsh_complete.zsh FPATH_DIR 'ror sc' prints a line holding 'ror score '.
# The completion system only runs inside the line editor, so a zsh is driven through a pty.
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell "PS1='> '; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w shell 'print -- READY-MARK'
out=''
for i in {1..400}; do
  zpty -r -t shell line || { sleep 0.05; continue; }
  out+=$line
  [[ $out == *$'\n'READY-MARK* ]] && break
done
# The words, Tab, then Ctrl-U to leave the line empty again; the echo shows what Tab wrote.
zpty -w -n shell "$2"$'\t'
sleep 0.5
zpty -w -n shell $'\C-u'
zpty -w shell 'print -- DONE-MARK'
out=''
for i in {1..400}; do
  zpty -r -t shell line || { sleep 0.05; continue; }
  out+=$line
  [[ $out == *$'\n'DONE-MARK* ]] && break
done
zpty -d shell
print -r -- "$out"
