import { DEFAULT_PASSWORD_POLICY, passwordRuleText } from '../../domain/auth/password-policy';
import type {
  Education,
  PersonCategory,
  PersonStatus,
} from '../../domain/ledger/person-categories';
import type { EntityType } from '../../domain/ledger/entity-types';
import type { PortalCatalog, ServiceKey } from './catalog-zh';

/** The portal's English catalog: the keys of the zh-CN one (catalog-zh.ts), checked by type. */
export const EN: PortalCatalog = {
  brand: 'Home-town start-up services',
  demoBanner: "Demo: the demo accounts' passwords are public; do not enter real personal data",
  login: 'Log in',
  logout: 'Log out',
  register: 'Register with a mobile number',
  me: 'Me',
  mobile: 'Mobile number',
  mobilePlaceholder: '11-digit mobile number',
  code: 'SMS code',
  codePlaceholder: '6 digits',
  sendCode: 'Send code',
  resendIn: (s) => `Send again in ${s} s`,
  codeSent: (m) => `Code sent to ${m}; valid for 5 minutes`,
  password: 'Password',
  passwordNew: 'Choose a password',
  passwordHint: passwordRuleText(DEFAULT_PASSWORD_POLICY, 'en'),
  passwordProblems: (problems) => `Password: ${problems}`,
  passwordAgain: 'Password again',
  passwordMismatch: 'The two passwords differ',
  registerSubmit: 'Register and log in',
  loginSubmit: 'Log in',
  haveAccount: 'Have an account? ',
  noAccount: 'No account yet? ',
  backHome: '← Home',
  required: 'Required',
  next: 'Next',
  prev: 'Back',
  submit: 'Submit',
  saving: 'Submitting…',
  loading: 'Loading…',
  networkError: 'The network failed; check the connection and try again',
  stepOf: (i, n) => `Step ${i} of ${n}`,
  // Profile
  profileTitle: 'My profile',
  profileSteps: ['Identity', 'Hukou and residence', 'Work away and return'],
  name: 'Name',
  idNumber: 'ID number',
  idNumberPlaceholder: '18-character resident ID number',
  idNumberKeep: (masked) => `On record: ${masked}; enter the full number again to correct it`,
  derived: (sex, birth) => `Sex ${sex} · born ${birth}`,
  hukou: 'Hukou (registered residence)',
  current: 'Where you live',
  pickRegion: 'Choose',
  categories: 'Categories (any that apply)',
  status: 'Where you stand',
  awayPlace: 'Where you work away',
  awayProvince: 'Province',
  awayCity: 'City',
  monthsAway: 'Months worked away',
  returnDate: 'Date of return',
  education: 'Education',
  skills: 'Skills',
  skillsPlaceholder: 'e.g. welding, online shop, navel orange growing',
  profileDone: 'Profile submitted and entered in the ledger',
  // Enterprise
  enterpriseTitle: 'My enterprise',
  enterpriseSteps: ['Basics', 'Business'],
  entityName: 'Name of the enterprise',
  creditCode: 'Unified social credit code',
  creditCodePlaceholder: '18 characters, on the business licence',
  entityType: 'Type',
  industry: 'Industry',
  industrySection: 'Industry section',
  industryDivision: 'Industry division (optional)',
  entityRegion: 'Where it operates',
  foundedOn: 'Founded on',
  employees: 'Employees',
  jobsCreated: 'Jobs created for others',
  legalRep: 'I am its legal representative',
  enterpriseDone: 'Enterprise submitted',
  // Home
  homeTitle: 'Me',
  profileCard: 'My profile',
  enterpriseCard: 'My enterprise',
  messages: 'Messages',
  noMessages: 'No messages',
  unread: (n) => `${n} unread`,
  readAll: 'Mark all as read',
  moreServices: 'More services',
  moreServicesNote: 'These services are being built; once open you will use them here.',
  sameAsHukou: 'Same as hukou',
  notFilled: 'Not filled in',
  filled: 'Submitted',
  fillProfile: 'Fill in my profile',
  editProfile: 'Edit profile',
  fillEnterprise: 'Register my enterprise',
  editEnterprise: 'Edit enterprise',
  needProfileFirst: 'Fill in your profile first',
  requestPending: 'Awaiting check',
  requestRejected: 'Not accepted',
  claimPending: 'Submitted; an officer will check it. The result appears in your messages below.',
  changePending: 'Change submitted; it takes effect once an officer has checked it.',
  requestRejectedNote: (reason) => `The officer did not accept it: ${reason}`,
  // Dev inbox
  devInbox: 'SMS test inbox',
  devInboxNote:
    'Only in development and demo (FANXIANG_SMS=log); production never shows the codes.',
  devInboxOff: 'The SMS test inbox is off.',
  devInboxEmpty: 'No messages yet.',
  refresh: 'Refresh',
  // Region levels
  levelProvince: 'Province',
  levelCity: 'City',
  levelCounty: 'County',
  levelTownship: 'Township',
  regionTooShallow: 'Choose down to a county or a township',
  soon: 'Coming soon',
  // Landing and footer
  heroTitle: 'Come home and start up: we help with the policies',
  heroText:
    'One stop for starting a business back home: register yourself and your enterprise on your phone and a local officer gets in touch; loans are open online, subsidies, premises and training follow.',
  welcomeBack: (mobile) => `Welcome back, ${mobile}`,
  enterMe: 'Go to Me',
  loginExisting: 'I have an account: log in',
  whatTitle: 'What we do for you',
  whatNote:
    'Register your profile and enterprise and follow their checks now; services marked "Coming soon" are being built.',
  stepsTitle: 'Three steps',
  startSteps: [
    'Register with your mobile number',
    'Fill in yourself and your enterprise',
    'A local officer checks it and gets in touch',
  ],
  whoTitle: 'Who may apply',
  groups: [
    'Returning migrant workers',
    'College graduates',
    'Veterans',
    'People lifted out of poverty',
    'Farmers starting up in the countryside',
    'Scientists and technicians',
    'Online sellers',
  ],
  whoNote:
    'Anyone starting a business back home or in the countryside can register and see what support applies.',
  registerNow: 'Register now',
  hotline:
    'Hotline 12333 (human resources and social security) · local policies decide the figures',
  staffEntrance: 'Staff entrance',
};

export const SEX_NAMES_EN: Record<string, string> = { M: 'male', F: 'female' };

export const CATEGORY_NAMES_EN = {
  migrant_worker: 'Migrant worker',
  graduate: 'College graduate',
  veteran: 'Veteran',
  scientist: 'Scientist or technician',
  poverty_relief: 'Lifted out of poverty',
  hard_to_employ: 'Hard to employ',
  other: 'Other',
} as const satisfies Record<PersonCategory, string>;

export const STATUS_NAMES_EN = {
  abroad: 'Still working away',
  intending: 'Planning to come home and start up',
  returned: 'Back home',
  started: 'Back home and started up',
} as const satisfies Record<PersonStatus, string>;

export const EDUCATION_NAMES_EN = {
  primary: 'Primary school or less',
  junior: 'Junior secondary',
  senior: 'Senior secondary or vocational',
  college: 'Junior college',
  bachelor: 'Bachelor',
  master: 'Master or above',
} as const satisfies Record<Education, string>;

export const ENTITY_TYPE_NAMES_EN: Record<EntityType, string> = {
  enterprise: 'Enterprise',
  individual: 'Individual business',
  cooperative: "Farmers' cooperative",
  family_farm: 'Family farm',
};

export const SERVICE_TEXT_EN: Record<ServiceKey, { title: string; text: string; soon?: string }> = {
  profile: {
    title: 'My profile',
    text: 'Register your identity, hukou, residence and work away: you enter the ledger and a local officer gets in touch.',
  },
  enterprise: {
    title: 'My enterprise',
    text: 'Register or claim your enterprise, individual business or cooperative; it enters the ledger once an officer has checked it.',
  },
  messages: {
    title: 'Messages and checks',
    text: 'Follow the checks of what you submitted under Me; results also come by SMS.',
  },
  loans: {
    title: 'Start-up guarantee loans',
    text: 'Up to 300,000 yuan for an individual and 4 million for a small enterprise, with interest subsidised. Apply and upload online, and follow each step at the employment office, the guarantee agency and the bank.',
  },
  subsidies: {
    title: 'One-off start-up subsidy',
    text: 'After 6 to 12 months in business (5,000 yuan in most places).',
    soon: 'Once open, apply and upload online; you will be told the result.',
  },
  parks: {
    title: 'Start-up parks',
    text: 'Standard workshops, incubators and assistance workshops; some parks are rent-free for three years.',
    soon: 'Once open, see the free space of parks and apply to move in.',
  },
  training: {
    title: 'Training and mentors',
    text: 'Start-up training and one-to-one mentoring.',
    soon: 'Once open, see the courses, sign up and book a mentor.',
  },
  policies: {
    title: 'Policies that find you',
    text: 'Finds the support your profile and enterprise qualify for.',
    soon: 'Once open, it says condition by condition what you meet. Fill in your profile now to be matched then.',
  },
};
