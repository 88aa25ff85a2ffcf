import { Link } from './router';

const OFFERS = [
  {
    icon: '贷',
    title: '创业担保贷款',
    text: '个人最高 30 万元、小微企业最高 400 万元，财政按规定贴息，利息负担更轻。',
  },
  {
    icon: '补',
    title: '一次性创业补贴',
    text: '正常经营满 6 至 12 个月，可申请一次性创业补贴（多数地方 5000 元）。',
  },
  {
    icon: '园',
    title: '返乡创业园',
    text: '标准厂房、孵化基地、帮扶车间，入驻可享租金减免，部分园区前三年免租。',
  },
  {
    icon: '训',
    title: '培训和导师',
    text: '按需选择创业培训，创业导师一对一辅导，“店小二”专人包联服务。',
  },
  {
    icon: '策',
    title: '政策找人',
    text: '填好个人和企业信息，系统自动找出您符合条件的政策，逐条说明原因。',
  },
  {
    icon: '查',
    title: '进度随时查',
    text: '贷款、补贴、入园申请办到哪一步，手机上随时查看，有结果短信提醒。',
  },
];

const STEPS = ['用手机号注册', '填写个人和企业信息', '查看可享政策，在线申请'];

const GROUPS = [
  '返乡农民工',
  '高校毕业生',
  '退役军人',
  '脱贫人口',
  '农村自主创业农民',
  '科技人员',
  '网络商户',
];

/** The landing page: what the programme offers and how to start. */
export function Landing() {
  return (
    <>
      <section className="hero">
        <h1>回家创业，政策帮您办</h1>
        <p>返乡入乡创业一站式服务：贷款、补贴、场地、培训，在手机上就能申请。</p>
        <div className="cta">
          <Link href="/register" className="btn btn-primary">
            手机号注册
          </Link>
          <Link href="/login" className="btn btn-ghost">
            已有账号，登录
          </Link>
        </div>
      </section>

      <section className="block">
        <h2>能为您做什么</h2>
        <ul className="offers">
          {OFFERS.map((o) => (
            <li key={o.title} className="offer">
              <span className="offer-icon" aria-hidden="true">
                {o.icon}
              </span>
              <div>
                <h3>{o.title}</h3>
                <p>{o.text}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="block">
        <h2>三步开始</h2>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s}>
              <span className="step-no">{i + 1}</span>
              {s}
            </li>
          ))}
        </ol>
      </section>

      <section className="block">
        <h2>谁可以申请</h2>
        <p className="groups">
          {GROUPS.map((g) => (
            <span key={g} className="chip">
              {g}
            </span>
          ))}
        </p>
        <p className="note">回到家乡创业、或在农村创业的人员，都可以注册了解可享政策。</p>
        <Link href="/register" className="btn btn-primary btn-block">
          立即注册
        </Link>
      </section>
    </>
  );
}
