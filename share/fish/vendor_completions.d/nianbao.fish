function __nianbao_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __nianbao_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __nianbao_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __nianbao_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __nianbao_parse_tokens -S
    set -l unparsed_tokens (__nianbao_tokens -pc)
    switch $unparsed_tokens[1]
    case 'nianbao'
        __nianbao_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'convert'
            __nianbao_parse_subcommand -r 1 'f/from=' 't/to=' 'o/output=' 'name=' 'bom' 'q/quiet' 'timeout=' 'max-table-cells=' 'max-table-area=' 'max-output-mb=' 'version' 'h/help'
        case 'check'
            __nianbao_parse_subcommand -r 1 'f/from=' 'format=' 'o/output=' 'name=' 'fail-on=' 'timeout=' 'max-table-cells=' 'max-table-area=' 'version' 'h/help'
        case 'batch'
            __nianbao_parse_subcommand 1 'o/output=' 't/to=' 'j/jobs=' 'resume' 'bom' 'no-bom' 'fail-on=' 'timeout=' 'max-table-cells=' 'max-table-area=' 'max-output-mb=' 'version' 'h/help'
        case 'keys'
            __nianbao_parse_subcommand 0 't/to=' 'version' 'h/help'
        case 'serve'
            __nianbao_parse_subcommand 0 'host=' 'port=' 'workers=' 'waiting=' 'timeout=' 'max-request-mb=' 'max-files=' 'max-table-cells=' 'max-table-area=' 'version' 'h/help'
        case 'help'
            __nianbao_parse_subcommand -r 1 'version'
        end
    end
end

function __nianbao_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __nianbao_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __nianbao_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __nianbao_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__nianbao_tokens -p)
    if test -z "$(__nianbao_tokens -t)"
        set -l index (count (__nianbao_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'nianbao' -f
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao" version' -l 'version' -d 'Show the version.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_positional "nianbao" -eq 1' -fa 'convert' -d 'Convert reports (standard input when no INPUT or `-`). 转换报告。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_positional "nianbao" -eq 1' -fa 'check' -d 'Check reports and list what to fix (exit 0 nothing to fix, 3 something to fix, 1 a file unreadable). 核对报告，列出需修改之处。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_positional "nianbao" -eq 1' -fa 'batch' -d 'Convert a folder tree into a mirrored output folder, with summary.csv and all.csv. 转换整个目录，输出按原目录结构存放，附汇总表。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_positional "nianbao" -eq 1' -fa 'keys' -d 'List every canonical key with its Chinese labels. 列出全部标准键及其中文标签。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_positional "nianbao" -eq 1' -fa 'serve' -d 'Serve the checking page and the HTTP API (Ctrl+C stops). 启动网页核对服务。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_positional "nianbao" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" f from' -s 'f' -l 'from' -d 'Input format: auto, docx, html, text, pdf. 输入格式。' -rfka 'auto docx html text pdf'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" t to' -s 't' -l 'to' -d 'Output: json, ndjson, csv, csv-wide, text, xlsx. 输出格式。' -rfka 'json ndjson csv csv-wide text xlsx'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" o output' -l 'output' -s 'o' -d 'Write to this file (whole, or not at all) instead of standard output. 写入此文件（完整写成或不写）而非标准输出。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" name' -l 'name' -d 'The name (source.path) of the report read from standard input. 标准输入的报告所用的文件名。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" bom' -l 'bom' -d 'Start CSV output with a UTF-8 byte-order mark, for Excel and WPS. 带字节顺序标记，供表格软件打开。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" q quiet' -l 'quiet' -s 'q' -d 'Do not show the reports\' warnings on standard error. 不在标准错误上显示警告。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" timeout' -l 'timeout' -d 'Seconds one input may take before its conversion is stopped and marked as timed out. 单个输入的最长转换时间（秒）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" max-table-cells' -l 'max-table-cells' -d 'Most cells one table may hold. 单个表格的最多单元格数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" max-table-area' -l 'max-table-area' -d 'Most grid positions (rows x columns, spans counted) one table may cover. 单个表格合并单元格后的最多格位数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" max-output-mb' -l 'max-output-mb' -d 'Largest output one input may make, in MiB. 单个输入的最大输出（兆字节）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" version' -l 'version' -d 'Show the version.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" f from' -s 'f' -l 'from' -d 'Input format: auto, docx, html, text, pdf. 输入格式。' -rfka 'auto docx html text pdf'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" format' -l 'format' -d 'The problem list as text (for people), json, csv (with a BOM, for Excel and WPS) or xlsx (a workbook; give -o). 问题清单格式。' -rfka 'text json csv xlsx'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" o output' -l 'output' -s 'o' -d 'Write the problem list to this file (whole, or not at all). 写入此文件（完整写成或不写）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" name' -l 'name' -d 'The name of the report read from standard input. 标准输入的报告以此为文件名。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" fail-on' -l 'fail-on' -d 'The least severity that counts as something to fix: error, warning (default), info. 计为问题的最低级别。' -rfka 'error warning info'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" timeout' -l 'timeout' -d 'Seconds one input may take before its conversion is stopped and marked as timed out. 单个输入的最长转换时间（秒）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" max-table-cells' -l 'max-table-cells' -d 'Most cells one table may hold. 单个表格的最多单元格数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" max-table-area' -l 'max-table-area' -d 'Most grid positions (rows x columns, spans counted) one table may cover. 单个表格合并单元格后的最多格位数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" version' -l 'version' -d 'Show the version.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" o output' -l 'output' -s 'o' -d 'The output folder (not inside the input folder). 输出目录（不得位于输入目录之内）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" t to' -s 't' -l 'to' -d 'Outputs, comma-separated: json, ndjson, csv, csv-wide, text, xlsx. 输出格式，逗号分隔。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" j jobs' -l 'jobs' -s 'j' -d 'How many inputs to convert at once (default: the number of cores). 同时转换的输入数（默认为核数）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" resume' -l 'resume' -d 'Skip inputs whose outputs are complete and current from an earlier run. 跳过上次已完成且未改动的输入。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" bom' -l 'bom' -d 'Start CSV files with a UTF-8 byte-order mark (the default, for Excel and WPS); --no-bom for scripts. 默认带字节顺序标记，供表格软件打开。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" no-bom' -l 'no-bom' -d 'Start CSV files with a UTF-8 byte-order mark (the default, for Excel and WPS); --no-bom for scripts. 默认带字节顺序标记，供表格软件打开。'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" fail-on' -l 'fail-on' -d 'The least severity that counts as something to fix: error, warning (default), info. 计为问题的最低级别。' -rfka 'error warning info'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" timeout' -l 'timeout' -d 'Seconds one input may take before its conversion is stopped and marked as timed out. 单个输入的最长转换时间（秒）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" max-table-cells' -l 'max-table-cells' -d 'Most cells one table may hold. 单个表格的最多单元格数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" max-table-area' -l 'max-table-area' -d 'Most grid positions (rows x columns, spans counted) one table may cover. 单个表格合并单元格后的最多格位数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" max-output-mb' -l 'max-output-mb' -d 'Largest output one input may make, in MiB. 单个输入的最大输出（兆字节）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" version' -l 'version' -d 'Show the version.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao batch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao keys" t to' -s 't' -l 'to' -d 'markdown, csv (with a BOM) or json. 输出格式。' -rfka 'markdown csv json'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao keys" version' -l 'version' -d 'Show the version.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao keys" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" host' -l 'host' -d 'Address to listen on; 0.0.0.0 opens it to the network. 监听地址（默认只限本机）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" port' -l 'port' -d 'Port to listen on. 端口。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" workers' -l 'workers' -d 'Conversions at once, each in its own process. 同时转换的份数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" waiting' -l 'waiting' -d 'Requests that may wait for a worker before the server answers busy. 可排队的请求数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" timeout' -l 'timeout' -d 'Seconds one file may take before it is stopped. 单个文件的时限（秒）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" max-request-mb' -l 'max-request-mb' -d 'Largest upload one request may carry, in MiB. 单次上传的上限（兆字节）。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" max-files' -l 'max-files' -d 'Most files one request may carry. 单次上传的最多文件数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" max-table-cells' -l 'max-table-cells' -d 'Most cells one table may hold. 单个表格的最多单元格数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" max-table-area' -l 'max-table-area' -d 'Most grid positions (rows x columns, spans counted) one table may cover. 单个表格合并单元格后的最多格位数。' -rfka ''
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" version' -l 'version' -d 'Show the version.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'nianbao' -n '__nianbao_should_offer_completions_for_flags_or_options "nianbao help" version' -l 'version' -d 'Show the version.'
