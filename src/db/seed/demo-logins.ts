/** The demo logins worth trying first, as `npm start` prints them (README lists them all). */
export const demoLogins: readonly { email: string; who: string }[] = [
  { email: 'admin@northwind.example', who: 'MSP administrator' },
  { email: 'tech1@northwind.example', who: 'MSP technician' },
  { email: 'anna.it@contoso.example', who: 'Contoso IT, co-managing (primary)' },
  { email: 'consultant@fabrikam.example', who: 'external consultant at Fabrikam' },
  { email: 'facilities@tailspin.example', who: 'facilities manager at Tailspin' },
  { email: 'user@contoso.example', who: 'Contoso end user (portal)' },
];
