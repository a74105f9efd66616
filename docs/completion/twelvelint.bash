# bash completion for twelvelint.                          -*- shell-script -*-
#
# `make install` puts it in $(PREFIX)/share/bash-completion/completions/,
# where bash-completion finds it; without bash-completion, source it from
# ~/.bashrc.  It needs nothing else (no bash-completion helpers), and
# completes option names; the values of --format (FMT and FMT:FILE),
# --fail-on, --factor (numerals and slugs, after a comma too), --enable,
# --disable and --explain (the rule ids of `twelvelint --list-rules`, asked
# at completion time, with the packs of a --rules on the line), --since
# (git refs); file names after -o, --config, --baseline, --write-baseline
# and --rules; and directories for PATH.  Both `--opt VALUE` and
# `--opt=VALUE` are completed.

# Options; those of the first list take a value.
_twelvelint_opts_arg='-f --format -o --output --fail-on --factor --enable
	--disable --config --rules --since --baseline --write-baseline
	--max-file-size -j --jobs --explain'
_twelvelint_opts_flag='--color --no-color -q --quiet -v --verbose --history
	--staged --list-rules --version -h --help'

# _twelvelint_ids BIN [RULES…]: rule ids and factor prefixes (TF03), one a
# line, from BIN --list-rules.
_twelvelint_ids()
{
	local bin=$1 id rest
	shift
	# A --rules that does not load would list nothing: ask without it.
	{ "$bin" "$@" --list-rules || "$bin" --list-rules; } 2>/dev/null |
	    while read -r id rest; do
		case $id in
		TF[0-9][0-9][0-9][0-9]) printf '%s\n' "$id" ;;
		esac
	    done
	printf 'TF%02d\n' 1 2 3 4 5 6 7 8 9 10 11 12
}

_twelvelint()
{
	local word=${2-} line cur prev opt val pfx bin i n
	local -a w cands rules
	COMPREPLY=()

	# The words as typed: the line up to the cursor, split on blanks only,
	# so that --format=sarif:out is one word whatever COMP_WORDBREAKS says.
	if [[ -n ${COMP_LINE+set} ]]; then
		line=${COMP_LINE:0:COMP_POINT}
	else
		line=
		for ((i = 0; i <= COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]}:${COMP_WORDS[i - 1]-} in
			[=:]:* | *:[=:]) line+=${COMP_WORDS[i]} ;;
			*) line+=${line:+ }${COMP_WORDS[i]} ;;
			esac
		done
	fi
	read -r -a w <<<"$line"
	n=${#w[@]}
	if [[ $n -eq 0 || $line == *[[:blank:]] ]]; then
		cur=
		w+=("")
		n=$((n + 1))
	else
		cur=${w[n - 1]}
	fi
	prev=
	[[ $n -ge 2 ]] && prev=${w[n - 2]}

	bin=${w[0]/#\~/$HOME}
	type -P -- "$bin" >/dev/null 2>&1 || bin=twelvelint
	for ((i = 1; i < n - 1; i++)); do
		case ${w[i]} in
		--rules) [[ -n ${w[i + 1]-} ]] && rules+=(--rules "${w[i + 1]}") ;;
		--rules=?*) rules+=("${w[i]}") ;;
		esac
	done

	# Which option's value is being typed, if any: pfx is what stands
	# before the value in the word (--format=, -f).
	opt='' val=$cur pfx=''
	case $cur in
	--*=*)
		opt=${cur%%=*} val=${cur#*=} pfx=$opt= ;;
	-[foj]?*)
		opt=${cur:0:2} val=${cur:2} pfx=$opt ;;
	*)
		case " ${_twelvelint_opts_arg//[[:space:]]/ } " in
		*" $prev "*) [[ $prev == -* ]] && opt=$prev ;;
		esac ;;
	esac

	case $opt in
	-f | --format)
		if [[ $val == *:* ]]; then
			pfx+=${val%%:*}:
			val=${val#*:}
			mapfile -t cands < <(compgen -f -- "$val")
			compopt -o filenames 2>/dev/null
		else
			mapfile -t cands < <(compgen -W \
			    'text json sarif junit github html' -- "$val")
		fi ;;
	--fail-on)
		mapfile -t cands < <(compgen -W 'error warning info none' \
		    -- "$val") ;;
	--factor | --enable | --disable)
		if [[ $val == *,* ]]; then
			pfx+=${val%,*},
			val=${val##*,}
		fi
		if [[ $opt == --factor ]]; then
			mapfile -t cands < <(compgen -W 'I II III IV V VI VII VIII
			    IX X XI XII codebase dependencies config
			    backing-services build-release-run processes
			    port-binding concurrency disposability
			    dev-prod-parity logs admin-processes' -- "$val")
		else
			mapfile -t cands < <(compgen -W \
			    "$(_twelvelint_ids "$bin" "${rules[@]}")" -- "$val")
		fi
		compopt -o nospace 2>/dev/null ;;
	--explain)
		mapfile -t cands < <(compgen -W \
		    "$(_twelvelint_ids "$bin" "${rules[@]}")" -- "$val") ;;
	--since)
		mapfile -t cands < <(compgen -W "HEAD $(git for-each-ref \
		    --format='%(refname:short)' refs/heads refs/remotes \
		    refs/tags 2>/dev/null)" -- "$val") ;;
	-o | --output | --config | --baseline | --write-baseline | --rules)
		mapfile -t cands < <(compgen -f -- "$val")
		compopt -o filenames 2>/dev/null ;;
	-j | --jobs | --max-file-size)
		return 0 ;;
	*)
		if [[ $cur == -* ]]; then
			mapfile -t cands < <(compgen -W \
			    "$_twelvelint_opts_arg $_twelvelint_opts_flag" \
			    -- "$cur")
		else
			mapfile -t cands < <(compgen -d -- "$cur")
			compopt -o filenames 2>/dev/null
		fi ;;
	esac

	# Readline replaces only the text after the last COMP_WORDBREAKS
	# character (the word bash passes as $2): drop what comes before it.
	i=$((${#pfx} + ${#val} - ${#word}))
	[[ $i -lt 0 ]] && i=0
	for val in "${cands[@]}"; do
		val=$pfx$val
		COMPREPLY+=("${val:i}")
	done
	return 0
}

complete -F _twelvelint twelvelint
