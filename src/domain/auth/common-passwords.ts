/**
 * Passwords that appear at the top of public leak statistics (including those common in China,
 * such as woaini1314 and qq123456). A password equal to one of these, ignoring case, or whose
 * letters alone are one of these, is refused.
 */
const LIST = `123456 123456789 12345678 password qwerty 12345 1234567 111111 123123 1234567890
000000 abc123 password1 iloveyou 1q2w3e4r 1qaz2wsx qwertyuiop 123321 666666 888888 654321
admin administrator root welcome letmein monkey dragon sunshine master football baseball
princess superman trustno1 passw0rd p@ssw0rd p@ssword qwe123 qweasd qweasdzxc zxcvbnm
asdfghjkl a123456 a12345678 aa123456 abc12345 abcd1234 woaini woaini1314 woaini520 5201314
1314520 qq123456 qq5201314 wang123456 zhang123 li123456 a5201314 iloveyou1 test test123
test1234 guest changeme default secret fanxiang china china123 beijing shanghai 112233
147258369 159357 987654321 password123 admin123 admin888 admin@123 root123 user123
welcome1 welcome123 hello hello123 login abcdef abcdefg 11111111 88888888 66666666 00000000
12341234 1qazxsw2 q1w2e3r4 zaq12wsx !qaz2wsx qazwsx asd123 asdasd 1234qwer qwer1234
huawei xiaomi baidu tencent alibaba taobao wechat weixin pass word
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
