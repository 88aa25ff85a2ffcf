import type { AdminsKey } from './admins.types';

/** The console's English messages for separation of duties; spread into en.ts. */
export const adminsEn: Record<AdminsKey, string> = {
  'admins.requests': 'Grant requests',
  'admins.requestsHint':
    'Grants carrying personal-data permissions (such as unmasking ID and mobile numbers) take effect only once the security administrator approves; nobody approves their own request.',
  'admins.status': 'Status',
  'admins.status.pending': 'Pending',
  'admins.status.approved': 'Approved',
  'admins.status.rejected': 'Rejected',
  'admins.user': 'For',
  'admins.requestedBy': 'Requested by',
  'admins.requestedAt': 'Requested at',
  'admins.decidedBy': 'Decided by',
  'admins.reason': 'Reason for rejection',
  'admins.reasonRequired': 'Give a reason (2–200 characters)',
  'admins.approve': 'Approve',
  'admins.approveConfirm': 'The grant takes effect at once. Approve?',
  'admins.reject': 'Reject',
  'admins.rejectTitle': 'Reject the grant request',
  'admins.noRequests': 'No grant requests',
  'admins.pendingTag': 'Needs the security administrator',
  'admins.grantPending':
    'This grant waits for the security administrator (it carries personal-data permissions, or you created this account) and takes effect once approved',
  'admins.pendingTitle': 'Grants waiting for approval',
  'admins.adminAccount':
    "This is an administrator's account: the system, security and audit administrators' accounts are changed only with the operator's command line.",
  'admins.grantHint':
    'Administrators hold no business roles; nobody gives business roles to an account they created in the last 24 hours; administrator roles are granted only on the command line.',
  'admins.mobile': 'Own mobile',
  'admins.noMobile': 'None on record (no reset possible)',
  'admins.resetSentTitle': 'Temporary password sent',
  'admins.resetSent':
    "The temporary password of {login} went by text message to the user's own mobile {mobile}; administrators never see it. The user must change it at login.",
  'admins.resetConfirm':
    "The old password stops working, the user is logged out and the temporary password goes by text message to the user's own mobile. Reset?",
  'admins.ownMobile': 'My mobile number',
  'admins.ownMobileHelp':
    'When an administrator resets your password, the temporary password goes only to this number by text message. Only you can set or change it.',
  'admins.currentPassword': 'Current password',
  'admins.passwordRequired': 'Enter your current password',
  'admins.mobileRequired': 'Enter an 11-digit mobile number',
  'admins.mobileSaved': 'Mobile {mobile} recorded',
  'action.user.grant_request': 'Request a grant',
  'action.user.grant_approve': 'Approve a grant request',
  'action.user.grant_reject': 'Reject a grant request',
  'action.auth.mobile_change': 'Record own mobile',
};
