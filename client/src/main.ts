// The browser entry: global styles, then the app. Everything solo practice needs is in this one bundle.
import { mount } from 'svelte';
import './styles/global.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
