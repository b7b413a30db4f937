# sysctl-lint 消息，简体中文。与 en-US/main.ftl 的消息 id 和参数一一对应
# （tests/locales.rs 检查）。规则代码、规则名、键名和取值不翻译。

## 级别

severity-error = 错误
severity-warning = 警告
severity-info = 提示

## explain

explain-default-severity = 默认级别：{ $severity }
explain-untranslated = （本页尚无中文版，以下为英文原文。）
explain-unknown-rule = 没有规则 `{ $rule }`（`sysctl-lint rules` 列出全部规则）
explain-unknown-rule-suggest = 没有规则 `{ $rule }`；是不是想找 `{ $suggestion }`？（`sysctl-lint rules` 列出全部规则）

## rules

rules-markdown-header = | 代码 | 名称 | 级别 | 说明 |

## 命令行

lang-invalid = 未知语言 `{ $name }`（可选：en、zh-CN）

## describe（标签；目录中的文字保持原样）

describe-key = 键
describe-catalogue-entry = 目录条目
describe-type = 类型
describe-access = 读写
describe-unit = 单位
describe-default = 默认值
describe-range = 取值范围
describe-documented-values = 文档列出的取值
describe-since = 引入版本
describe-status = 状态
describe-scope = 作用域
describe-module = 模块
describe-note = 说明
describe-sources = 来源
describe-read-only = 只读
describe-read-write = 可读写
describe-kernel-doc = 内核文档（{ $source }）：
describe-rules-about = 与此键相关的规则：
