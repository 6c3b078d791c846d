/**
 * The built-in follow-ups. Short and personal on purpose: each one is a reason to be in
 * touch that carries some value for the client (the rules table of docs/ARCHITECTURE.md), and each is
 * tagged with the stages and situations it suits so the sidebar can suggest it.
 */
import type { Template } from '../model';

export type BuiltInTemplate = Omit<Template, 'id' | 'updatedAt'> & { builtIn: true; builtInKey: string };

const t = (x: Omit<BuiltInTemplate, 'builtIn'>): BuiltInTemplate => ({ ...x, builtIn: true });

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  t({
    builtInKey: 'how-am-i-doing',
    name: "How'm I doing?",
    category: 'Check-in',
    stages: ['customer', 'client'],
    situations: ['check-in', 'overdue'],
    subject: 'Quick question, {{firstName}}',
    body:
      'Hi {{firstName}},\n\n' +
      "It's been {{lastContactAgo}} since we last spoke, so I wanted to ask you straight out: how am I doing? " +
      'Is there anything I could be doing better for you, or anything you need that I have not offered yet?\n\n' +
      'A one-line answer is plenty.\n\n' +
      'Thanks,\n{{myName}}',
  }),
  t({
    builtInKey: 'thank-you-purchase',
    name: 'Thank you for your order',
    category: 'Thank-you',
    stages: ['customer', 'client'],
    situations: ['after-purchase'],
    subject: 'Thank you, {{firstName}}',
    body:
      'Hi {{firstName}},\n\n' +
      'Thank you for your order. I appreciate the trust, and I will make sure everything arrives as promised. ' +
      'If anything is not right, write to me directly and I will sort it out.\n\n' +
      'Best,\n{{myName}}',
  }),
  t({
    builtInKey: 'second-sale',
    name: 'Second-sale follow-up',
    category: 'Follow-up',
    stages: ['customer'],
    situations: ['new-customer'],
    subject: 'How is it going so far?',
    body:
      'Hi {{firstName}},\n\n' +
      'It has been {{lastPurchaseAgo}} since your purchase. How is it working out for {{company}}? ' +
      'Customers in your position often find that a small add-on saves them time later; happy to walk you through the options if useful.\n\n' +
      'Best,\n{{myName}}',
  }),
  t({
    builtInKey: 'expectation-check',
    name: 'Expectation check',
    category: 'Check-in',
    stages: ['customer', 'client'],
    situations: ['half-year'],
    subject: 'Six months on: is it what you expected?',
    body:
      'Hi {{firstName}},\n\n' +
      'It has been {{lastPurchaseAgo}} since your purchase. When you bought, you had a picture of what success would look like: ' +
      'has it turned out that way? If anything falls short of what you expected, tell me and I will work on it.\n\n' +
      'Thanks,\n{{myName}}',
  }),
  t({
    builtInKey: 'useful-article',
    name: 'Something useful for you',
    category: 'Value',
    stages: ['prospect', 'customer', 'client'],
    situations: ['value', 'overdue', 'check-in'],
    subject: 'Thought of you, {{firstName}}',
    body:
      'Hi {{firstName}},\n\n' +
      'I came across this and thought of {{company}}: [link]\n\n' +
      'The part that stood out to me: [one sentence on why it matters to them].\n\n' +
      'Best,\n{{myName}}',
  }),
  t({
    builtInKey: 'plan-review',
    name: 'Plan review',
    category: 'Value',
    stages: ['client'],
    situations: ['check-in', 'overdue'],
    subject: 'A quick review of your plan?',
    body:
      'Hi {{firstName}},\n\n' +
      'Would you like a 20-minute review of what {{company}} has with us? ' +
      'Needs change, and I would rather adjust things now than have you paying for what you do not use.\n\n' +
      'Does next week work?\n\n' +
      'Best,\n{{myName}}',
  }),
  t({
    builtInKey: 'birthday',
    name: 'Happy birthday',
    category: 'Personal',
    stages: [],
    situations: ['birthday'],
    subject: 'Happy birthday, {{firstName}}!',
    body: 'Hi {{firstName}},\n\nHappy birthday! I hope the year ahead is a great one.\n\nAll the best,\n{{myName}}',
  }),
  t({
    builtInKey: 'holiday',
    name: 'Holiday greeting',
    category: 'Personal',
    stages: [],
    situations: ['holiday'],
    subject: 'Season’s greetings',
    body:
      'Hi {{firstName}},\n\n' +
      'Thank you for working with me this year. I wish you and everyone at {{company}} a restful holiday.\n\n' +
      'Warm regards,\n{{myName}}',
  }),
  t({
    builtInKey: 'referral',
    name: 'Referral or testimonial',
    category: 'Ask',
    // after the second sale (a client) or a score of 9-10 (a customer may give one)
    stages: ['customer', 'client'],
    situations: ['referral'],
    subject: 'A small favour?',
    body:
      'Hi {{firstName}},\n\n' +
      'I have really enjoyed working with you. If you know someone who could use the same kind of help, ' +
      'I would be grateful for an introduction. Or, if you have two minutes, a sentence or two about working together would mean a lot.\n\n' +
      'Either way, thank you.\n{{myName}}',
  }),
  t({
    builtInKey: 'feedback-nps',
    name: 'Feedback (0-10)',
    category: 'Ask',
    stages: ['customer', 'client'],
    situations: ['feedback', 'check-in'],
    subject: 'One number, {{firstName}}?',
    body:
      'Hi {{firstName}},\n\n' +
      'On a scale from 0 to 10, how likely are you to recommend us to a colleague? ' +
      'Just reply with the number, and a word on why if you have a moment.\n\n' +
      'Thank you,\n{{myName}}',
  }),
  t({
    builtInKey: 're-engage',
    name: 'Re-engagement',
    category: 'Follow-up',
    stages: ['former', 'customer', 'client'],
    situations: ['former'],
    subject: 'It has been a while, {{firstName}}',
    body:
      'Hi {{firstName}},\n\n' +
      'It has been {{lastContactAgo}} since we were last in touch, and I wanted to see how things are at {{company}}. ' +
      'A few things have changed on our side that might fit you better now. Worth a short call?\n\n' +
      'Best,\n{{myName}}',
  }),
  t({
    builtInKey: 'late-reply',
    name: 'Sorry for the slow reply',
    category: 'Reply',
    stages: [],
    situations: ['late-reply'],
    subject: 'Re: {{lastSubject}}',
    body:
      'Hi {{firstName}},\n\n' +
      'Thank you for your patience, and sorry for the slow answer. [Your answer.]\n\n' +
      'Best,\n{{myName}}',
  }),
];
