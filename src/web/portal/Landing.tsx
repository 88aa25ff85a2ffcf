import { Link } from './router';
import { ServiceCards } from './ServiceCards';
import { useSession } from './session';

const STEPS = ['用手机号注册', '填写个人和企业信息', '服务专员核实后与您联系'];

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
  const session = useSession();
  return (
    <>
      <section className="hero">
        <h1>回家创业，政策帮您办</h1>
        <p>
          返乡入乡创业一站式服务：在手机上登记个人和企业信息，当地服务专员与您联系；贷款、补贴、场地、培训的在线申请陆续开通。
        </p>
        {session ? (
          <div className="cta signed-in">
            <p className="welcome">欢迎回来，{session.mobileMasked}</p>
            <Link href="/me" className="btn btn-primary">
              进入我的
            </Link>
          </div>
        ) : session === null ? (
          <div className="cta">
            <Link href="/register" className="btn btn-primary">
              手机号注册
            </Link>
            <Link href="/login" className="btn btn-ghost">
              已有账号，登录
            </Link>
          </div>
        ) : (
          <div className="cta" aria-busy="true" />
        )}
      </section>

      <section className="block">
        <h2>能为您做什么</h2>
        <p className="note">
          现在可以登记个人资料和企业、查看核实进度；标着“即将开通”的服务正在建设中。
        </p>
        <ServiceCards />
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
        {session ? (
          <Link href="/me" className="btn btn-primary btn-block">
            进入我的
          </Link>
        ) : (
          <Link href="/register" className="btn btn-primary btn-block">
            立即注册
          </Link>
        )}
      </section>
    </>
  );
}
